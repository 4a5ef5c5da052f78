package dev.athenaeum.gui.task;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action once things have been quiet for a while: a slider dragged across twenty values asks for one
 * computation, not twenty. The action runs on {@code target} (the UI thread, usually); with a zero delay it runs at
 * once, which view-model tests use.
 */
public final class Debouncer {

    /** One timer thread for every debouncer; it only hands actions over, so it is never busy. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "athenaeum-debounce");
        t.setDaemon(true);
        return t;
    });

    private final Duration delay;
    private final Executor target;
    private ScheduledFuture<?> pending;

    public Debouncer(Duration delay, Executor target) {
        this.delay = delay;
        this.target = target;
    }

    /** Replaces any action still waiting. */
    public synchronized void submit(Runnable action) {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
        if (delay.isZero()) {
            target.execute(action);
            return;
        }
        pending = TIMER.schedule(() -> target.execute(action), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    public synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
