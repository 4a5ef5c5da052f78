package dev.athenaeum.progress;

import java.time.Duration;

/**
 * Rate and ETA over a sliding window, so a slow start (model loading, first batch) does not skew the estimate
 * for the rest of the run.
 */
public final class RateMeter {

    private static final long WINDOW_NANOS = 5_000_000_000L;

    private final long[] times = new long[64];
    private final long[] counts = new long[64];
    private int head;
    private int size;

    /** Records that {@code done} units are complete at time {@code nanos}. */
    public synchronized void record(long nanos, long done) {
        times[head] = nanos;
        counts[head] = done;
        head = (head + 1) % times.length;
        size = Math.min(size + 1, times.length);
    }

    public synchronized double perSecond() {
        if (size < 2) {
            return 0;
        }
        int newest = (head - 1 + times.length) % times.length;
        int oldest = newest;
        for (int i = 1; i < size; i++) {
            int idx = (newest - i + times.length) % times.length;
            if (times[newest] - times[idx] > WINDOW_NANOS) {
                break;
            }
            oldest = idx;
        }
        if (oldest == newest) {
            oldest = (newest - 1 + times.length) % times.length;
        }
        long dt = times[newest] - times[oldest];
        return dt <= 0 ? 0 : (counts[newest] - counts[oldest]) * 1e9 / dt;
    }

    /** Time left for {@code remaining} units at the current rate, or null while the rate is unknown. */
    public Duration eta(long remaining) {
        double rate = perSecond();
        if (rate <= 0) {
            return null;
        }
        return Duration.ofMillis((long) (remaining / rate * 1000));
    }
}
