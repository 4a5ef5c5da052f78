package dev.athenaeum.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run of HTTP requests did: latencies of successful answers, failures by kind, and throughput. Each client
 * records into its own {@link Recorder} (no sharing while timing); {@link #of} merges them.
 *
 * @param ok         requests answered with 200
 * @param errors     failures by kind ("HTTP 503", "SocketTimeoutException", …), sorted by kind
 * @param seconds    from the start to the last request's end
 * @param latencies  nanoseconds of each successful request, in no particular order
 */
record LoadStats(long ok, Map<String, Long> errors, double seconds, long[] latencies) {

    /** One client's requests. Not thread-safe: each client thread has its own. */
    static final class Recorder {

        private long[] nanos = new long[256];
        private int count;
        private final Map<String, Long> errors = new TreeMap<>();
        private long lastEnd = Long.MIN_VALUE;

        void ok(long startNanos, long endNanos) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = endNanos - startNanos;
            lastEnd = Math.max(lastEnd, endNanos);
        }

        void error(String kind, long endNanos) {
            errors.merge(kind, 1L, Long::sum);
            lastEnd = Math.max(lastEnd, endNanos);
        }
    }

    /** All recorders' requests, timed from {@code startNanos} to the end of the last request. */
    static LoadStats of(List<Recorder> recorders, long startNanos) {
        int total = recorders.stream().mapToInt(r -> r.count).sum();
        long[] all = new long[total];
        int at = 0;
        long lastEnd = startNanos;
        Map<String, Long> errors = new TreeMap<>();
        for (Recorder r : recorders) {
            System.arraycopy(r.nanos, 0, all, at, r.count);
            at += r.count;
            lastEnd = Math.max(lastEnd, r.lastEnd);
            r.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
        }
        return new LoadStats(total, errors, (lastEnd - startNanos) / 1e9, all);
    }

    long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    long requests() {
        return ok + errorCount();
    }

    /** Successful answers per second of the run (0 for a run of no time). */
    double throughput() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    /** The {@code p}-th percentile latency in milliseconds (nearest rank), or NaN without successful requests. */
    double percentileMillis(double p) {
        return latencies.length == 0 ? Double.NaN : Stats.percentile(latencies, p) / 1e6;
    }

    double meanMillis() {
        return latencies.length == 0 ? Double.NaN : Stats.mean(latencies) / 1e6;
    }

    double maxMillis() {
        return latencies.length == 0 ? Double.NaN : Arrays.stream(latencies).max().getAsLong() / 1e6;
    }

    /** "none", or "HTTP 503 ×3, SocketTimeoutException ×1". */
    String describeErrors() {
        if (errors.isEmpty()) {
            return "none";
        }
        StringBuilder b = new StringBuilder();
        errors.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(" ×").append(v));
        return b.toString();
    }
}
