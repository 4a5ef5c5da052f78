package dev.athenaeum.progress;

import java.util.concurrent.atomic.AtomicBoolean;

/** A flag long work polls between steps; cancelling never interrupts a write half-way. */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Throws {@link CancelledException} once {@link #cancel()} has been called. */
    public void check() {
        if (cancelled.get()) {
            throw new CancelledException();
        }
    }
}
