package dev.athenaeum.server.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body that hands each read of an input stream to the JDK HTTP client as soon as it returns. The JDK's own
 * {@code BodyPublishers.ofInputStream} reads the next buffer before the current one is written, on the thread that
 * writes, so every SSE event would wait for the one after it; here a separate thread does the blocking reads.
 */
final class StreamingBody implements Flow.Publisher<ByteBuffer> {

    private static final int MAX_PENDING = 1 << 20;

    private final InputStream in;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    StreamingBody(InputStream in) {
        this.in = in;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Flow.Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                }
            });
            subscriber.onError(new IllegalStateException("a streamed body can be sent only once"));
            return;
        }
        Semaphore demand = new Semaphore(0);
        AtomicBoolean cancelled = new AtomicBoolean();
        subscriber.onSubscribe(new Flow.Subscription() {
            @Override
            public void request(long n) {
                if (n <= 0) {
                    cancel();
                    subscriber.onError(new IllegalArgumentException("non-positive demand " + n));
                    return;
                }
                if (demand.availablePermits() < MAX_PENDING) {
                    demand.release((int) Math.min(n, MAX_PENDING));
                }
            }

            @Override
            public void cancel() {
                cancelled.set(true);
                demand.release();
                closeQuietly();
            }
        });
        Thread.ofVirtual().name("streaming-body").start(() -> pump(subscriber, demand, cancelled));
    }

    private void pump(Flow.Subscriber<? super ByteBuffer> subscriber, Semaphore demand, AtomicBoolean cancelled) {
        byte[] buffer = new byte[16 * 1024];
        try {
            while (true) {
                demand.acquire();
                if (cancelled.get()) {
                    return;
                }
                int n = in.read(buffer);
                if (n < 0) {
                    closeQuietly();
                    subscriber.onComplete();
                    return;
                }
                subscriber.onNext(ByteBuffer.wrap(Arrays.copyOf(buffer, n)));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            if (!cancelled.get()) {
                subscriber.onError(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            in.close();
        } catch (IOException e) {
            // Closing only releases the local response; nothing is left to report.
        }
    }
}
