package dev.athenaeum.gui.task;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands values from worker threads to the UI thread, keeping only the newest: a build reports progress thousands of
 * times a second, and queueing each report would flood the UI thread. At most one hand-over is pending at a time.
 */
public final class LatestOnUi<T> {

    private final Executor ui;
    private final Consumer<T> sink;
    private final AtomicReference<T> pending = new AtomicReference<>();

    LatestOnUi(Executor ui, Consumer<T> sink) {
        this.ui = ui;
        this.sink = sink;
    }

    public void post(T value) {
        if (pending.getAndSet(value) == null) {
            ui.execute(() -> {
                T latest = pending.getAndSet(null);
                if (latest != null) {
                    sink.accept(latest);
                }
            });
        }
    }
}
