package dev.athenaeum.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running build. {@code done}/{@code total} count the unit of the current phase (files while
 * scanning and chunking, chunks while embedding); rate and ETA refer to that unit.
 */
public record IndexProgress(
        Phase phase,
        long done,
        long total,
        long filesTotal,
        long chunksTotal,
        double ratePerSecond,
        Duration eta,
        String currentItem) {

    public double fraction() {
        return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    }

    public Optional<Duration> etaIfKnown() {
        return Optional.ofNullable(eta);
    }
}
