package dev.athenaeum.chat;

import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Retries a call the provider rate-limited: waits as long as its {@code Retry-After} said, else an exponentially
 * growing pause, a few times, then gives up with a message saying so. Other failures are not retried: a wrong key or
 * a missing model stays wrong. Waiting stops as soon as the answer is cancelled.
 */
final class RateLimitRetry {

    static final int ATTEMPTS = 4;
    static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    /** A service asking for longer than this is better answered "try later" than by a silent minute. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);
    private static final long POLL_MILLIS = 50;

    private final int attempts;
    private final Duration firstPause;
    private final RetryAfterHint hint;

    RateLimitRetry(RetryAfterHint hint) {
        this(ATTEMPTS, FIRST_PAUSE, hint);
    }

    RateLimitRetry(int attempts, Duration firstPause, RetryAfterHint hint) {
        this.attempts = attempts;
        this.firstPause = firstPause;
        this.hint = hint;
    }

    <T> T call(Supplier<T> call, Cancellation cancel, ChatFailures failures) {
        Duration pause = firstPause;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ChatException e) {
                if (e.kind() != ChatException.Kind.RATE_LIMITED) {
                    throw e;
                }
                Duration asked = hint.take().orElse(null);
                if (asked != null && asked.compareTo(LONGEST_WAIT) > 0) {
                    throw failures.rateLimitedFor(asked, e.getCause());
                }
                if (attempt == attempts) {
                    throw failures.rateLimitedAfter(attempts, e.getCause());
                }
                sleep(asked != null ? asked : pause, cancel);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration d, Cancellation cancel) {
        long end = System.nanoTime() + d.toNanos();
        try {
            while (System.nanoTime() < end) {
                cancel.check();
                Thread.sleep(Math.max(1, Math.min(POLL_MILLIS, (end - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        }
        cancel.check();
    }
}
