package dev.athenaeum.gui.task;

import javafx.application.Platform;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one way the workbench runs work off the UI thread: the work runs on {@code background}, its outcome is handed
 * to callbacks on {@code ui}. Failures always reach {@code failures} (the error dialog), so none pass silently.
 * View models get a runner injected; their tests run everything synchronously with {@link #direct(Consumer)}.
 */
public final class TaskRunner {

    private final Executor background;
    private final Executor ui;
    private final Consumer<TaskFailure> failures;

    public TaskRunner(Executor background, Executor ui, Consumer<TaskFailure> failures) {
        this.background = background;
        this.ui = ui;
        this.failures = failures;
    }

    /** Daemon worker threads, so a running build never keeps a closed window's process alive; results via runLater. */
    public static TaskRunner fx(Consumer<TaskFailure> failures) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "athenaeum-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new TaskRunner(pool, Platform::runLater, failures);
    }

    /** Work and callbacks on the calling thread: for view-model tests. */
    public static TaskRunner direct(Consumer<TaskFailure> failures) {
        return new TaskRunner(Runnable::run, Runnable::run, failures);
    }

    public <T> BackgroundTask<T> task(String title, Work<T> work) {
        return new BackgroundTask<>(title, work, background, ui, failures);
    }

    /** The UI thread's executor, for values produced in the background (see {@link LatestOnUi}). */
    public Executor ui() {
        return ui;
    }

    public <T> LatestOnUi<T> latestOnUi(Consumer<T> sink) {
        return new LatestOnUi<>(ui, sink);
    }
}
