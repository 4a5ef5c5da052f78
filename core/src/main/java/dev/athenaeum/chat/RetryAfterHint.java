package dev.athenaeum.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The wait a rate-limited service last asked for in its {@code Retry-After} header. langchain4j's exceptions carry
 * the status and body but not the headers, so the HTTP layer records it here and the retry loop reads it. Shared by
 * all requests through one model: concurrent answers may see each other's hint, which only makes them wait as long
 * as the service asked someone to.
 */
final class RetryAfterHint {

    private final AtomicReference<Instant> until = new AtomicReference<>();
    private final Clock clock;

    RetryAfterHint() {
        this(Clock.systemUTC());
    }

    RetryAfterHint(Clock clock) {
        this.clock = clock;
    }

    /** Records a {@code Retry-After} value: delay seconds or an HTTP date. Unparsable values are ignored. */
    void record(String header) {
        if (header == null || header.isBlank()) {
            return;
        }
        String v = header.strip();
        try {
            until.set(clock.instant().plusSeconds(Math.max(0, Long.parseLong(v))));
            return;
        } catch (NumberFormatException notSeconds) {
            // An HTTP date, then.
        }
        try {
            until.set(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException ignored) {
            // A malformed header is no reason to fail; the retry falls back to its own backoff.
        }
    }

    /** How much longer the service asked to wait, if it did; forgets the hint so it is used once. */
    Optional<Duration> take() {
        Instant t = until.getAndSet(null);
        if (t == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(clock.instant(), t);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }
}
