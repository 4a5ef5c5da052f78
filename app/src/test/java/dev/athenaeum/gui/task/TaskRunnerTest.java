package dev.athenaeum.gui.task;

import dev.athenaeum.progress.CancelledException;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TaskRunnerTest {

    private final List<TaskFailure> failures = new ArrayList<>();
    private final List<String> events = new ArrayList<>();

    @Test
    void successHandsTheResultOverThenFinishes() {
        TaskRunner.direct(failures::add).task("adding", c -> 1 + 1)
                .onSuccess(r -> events.add("result " + r))
                .whenDone(() -> events.add("done"))
                .start();

        assertThat(events).containsExactly("result 2", "done");
        assertThat(failures).isEmpty();
    }

    @Test
    void failuresAlwaysReachTheReporterAndTheTask() {
        IllegalStateException boom = new IllegalStateException("boom");
        TaskRunner.direct(failures::add).task("exploding", c -> {
                    throw boom;
                })
                .onSuccess(r -> events.add("result"))
                .onFailure(e -> events.add("failed " + e.getMessage()))
                .whenDone(() -> events.add("done"))
                .start();

        assertThat(events).containsExactly("failed boom", "done");
        assertThat(failures).containsExactly(new TaskFailure("exploding", boom));
    }

    @Test
    void cancelledWorkIsNeitherAResultNorAFailure() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        Queue<Runnable> ui = new ArrayDeque<>();
        CountDownLatch started = new CountDownLatch(1);
        BackgroundTask<String> task = new TaskRunner(worker, ui::add, failures::add).<String>task("waiting", c -> {
                    started.countDown();
                    while (true) {
                        c.check();
                        Thread.onSpinWait();
                    }
                })
                .onSuccess(r -> events.add("result"))
                .onCancelled(() -> events.add("cancelled"))
                .whenDone(() -> events.add("done"))
                .start();
        started.await(5, TimeUnit.SECONDS);

        task.cancel();
        worker.shutdown();
        assertThat(worker.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        ui.forEach(Runnable::run);

        assertThat(events).containsExactly("cancelled", "done");
        assertThat(failures).isEmpty();
    }

    @Test
    void cancellationExceptionsFromDeepInsideCountAsCancelled() {
        TaskRunner.direct(failures::add).task("stopping", c -> {
                    throw new CancelledException();
                })
                .onCancelled(() -> events.add("cancelled"))
                .start();

        assertThat(events).containsExactly("cancelled");
        assertThat(failures).isEmpty();
    }

    @Test
    void onlyTheNewestValueReachesTheUiThread() {
        Queue<Runnable> ui = new ArrayDeque<>();
        Executor queue = ui::add;
        List<Integer> seen = new ArrayList<>();
        LatestOnUi<Integer> latest = new TaskRunner(Runnable::run, queue, failures::add).latestOnUi(seen::add);

        for (int i = 1; i <= 1000; i++) {
            latest.post(i);
        }
        assertThat(ui).hasSize(1);
        ui.poll().run();
        latest.post(1001);
        ui.poll().run();

        assertThat(seen).containsExactly(1000, 1001);
    }
}
