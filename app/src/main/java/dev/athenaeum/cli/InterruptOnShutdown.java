package dev.athenaeum.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes Ctrl-C stop waiting on AWS instead of killing the command mid-sentence: the hook interrupts the working
 * thread (the SDK aborts its next request) and holds the JVM until the command has said where the stack was left.
 */
final class InterruptOnShutdown implements AutoCloseable {

    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private InterruptOnShutdown(Thread worker) {
        hook = new Thread(() -> {
            worker.interrupt();
            try {
                stopped.await(CancelOnShutdown.MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "athenaeum-interrupt");
    }

    static InterruptOnShutdown install() {
        InterruptOnShutdown i = new InterruptOnShutdown(Thread.currentThread());
        Runtime.getRuntime().addShutdownHook(i.hook);
        return i;
    }

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
