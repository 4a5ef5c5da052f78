package dev.athenaeum.gui.task;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One piece of background work and what to do on the UI thread when it ends: {@code onSuccess} with its result,
 * {@code onCancelled} if it stopped for {@link #cancel()}, and always {@code whenDone} last. A failure goes to the
 * runner's failure handler (the error dialog) and also to {@code onFailure} when the caller wants to show it in place.
 */
public final class BackgroundTask<T> {

    private final String title;
    private final Work<T> work;
    private final Executor background;
    private final Executor ui;
    private final Consumer<TaskFailure> failures;
    private final Cancellation cancellation = new Cancellation();
    private Consumer<? super T> onSuccess = r -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onCancelled = () -> { };
    private Runnable whenDone = () -> { };

    BackgroundTask(String title, Work<T> work, Executor background, Executor ui, Consumer<TaskFailure> failures) {
        this.title = title;
        this.work = work;
        this.background = background;
        this.ui = ui;
        this.failures = failures;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> action) {
        this.onSuccess = action;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> action) {
        this.onFailure = action;
        return this;
    }

    public BackgroundTask<T> onCancelled(Runnable action) {
        this.onCancelled = action;
        return this;
    }

    public BackgroundTask<T> whenDone(Runnable action) {
        this.whenDone = action;
        return this;
    }

    public BackgroundTask<T> start() {
        background.execute(this::runInBackground);
        return this;
    }

    /** Asks the work to stop at its next check; {@code onCancelled} follows once it has. */
    public void cancel() {
        cancellation.cancel();
    }

    public boolean isCancelled() {
        return cancellation.isCancelled();
    }

    public String title() {
        return title;
    }

    private void runInBackground() {
        T result;
        try {
            result = work.run(cancellation);
        } catch (CancelledException e) {
            ui.execute(() -> finish(onCancelled));
            return;
        } catch (Throwable e) {
            ui.execute(() -> finish(() -> {
                onFailure.accept(e);
                failures.accept(new TaskFailure(title, e));
            }));
            return;
        }
        if (cancellation.isCancelled()) {
            // Work that finished anyway after a cancel: the user no longer wants its result.
            ui.execute(() -> finish(onCancelled));
            return;
        }
        ui.execute(() -> finish(() -> onSuccess.accept(result)));
    }

    private void finish(Runnable outcome) {
        try {
            outcome.run();
        } finally {
            whenDone.run();
        }
    }
}
