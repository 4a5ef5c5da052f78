package dev.athenaeum.deploy;

import dev.athenaeum.progress.Cancellation;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns a cancel into an interrupt of the deploying thread: the SDK aborts its current request on an interrupt and
 * the stack waits sleep, so a cancel takes effect within a poll rather than after a stack operation's minutes.
 */
final class InterruptOnCancel implements AutoCloseable {

    private static final long POLL_MS = 100;

    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Thread watcher;

    private InterruptOnCancel(Cancellation cancel, Thread worker) {
        watcher = Thread.ofVirtual().name("deploy-cancel").start(() -> {
            while (open.get()) {
                if (cancel.isCancelled()) {
                    synchronized (open) {
                        if (open.get()) {
                            worker.interrupt();
                        }
                    }
                    return;
                }
                try {
                    Thread.sleep(POLL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static InterruptOnCancel watch(Cancellation cancel) {
        return new InterruptOnCancel(cancel, Thread.currentThread());
    }

    /** Stops watching; an interrupt that arrived after the work ended is cleared so it cannot hit the caller. */
    @Override
    public void close() {
        synchronized (open) {
            open.set(false);
        }
        watcher.interrupt();
        Thread.interrupted();
    }
}
