package dev.athenaeum.cli;

import dev.athenaeum.progress.Cancellation;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes Ctrl-C cancel a build instead of killing it: the JVM runs shutdown hooks and halts once they return, so the
 * hook cancels and then waits until the build has stopped (and said so). Builds write a new generation beside the
 * live one and switch atomically, so even a build that does not stop in time leaves the previous index intact.
 */
final class CancelOnShutdown implements AutoCloseable {

    static final Duration MAX_WAIT = Duration.ofSeconds(10);
    static final String MESSAGE = "athenaeum: cancelled; the previous index is unchanged";

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean announced = new AtomicBoolean();
    private final PrintWriter err;
    private final String message;
    private final Thread hook;

    private CancelOnShutdown(Cancellation cancellation, PrintWriter err, String message) {
        this.err = err;
        this.message = message;
        this.hook = new Thread(() -> {
            cancellation.cancel();
            try {
                if (!stopped.await(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    // A long model call is still running; the JVM halts now, the user should still hear why.
                    announceCancelled();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "athenaeum-cancel");
    }

    static CancelOnShutdown install(Cancellation cancellation, PrintWriter err) {
        return install(cancellation, err, MESSAGE);
    }

    /** As {@link #install(Cancellation, PrintWriter)}, announcing the cancellation with {@code message}. */
    static CancelOnShutdown install(Cancellation cancellation, PrintWriter err, String message) {
        CancelOnShutdown c = new CancelOnShutdown(cancellation, err, message);
        Runtime.getRuntime().addShutdownHook(c.hook);
        return c;
    }

    /** Prints the cancellation message once, whether the build or the timed-out hook gets there first. */
    void announceCancelled() {
        if (announced.compareAndSet(false, true)) {
            err.println(message);
            err.flush();
        }
    }

    /** Call once the build has stopped and everything the user should read has been printed. */
    @Override
    public void close() {
        stopped.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running (Ctrl-C): it returns now that the latch is open.
        }
    }
}
