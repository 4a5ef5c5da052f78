package dev.athenaeum.bench;

import java.util.Arrays;

/** Percentiles and means of timings. */
public final class Stats {

    private Stats() {
    }

    /**
     * The {@code p}-th percentile (0 &lt; p ≤ 100) of {@code values} by the nearest-rank method: the smallest value
     * that at least {@code p}% of the values are less than or equal to. Always one of the values, never interpolated.
     */
    public static long percentile(long[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100], got " + p);
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(1, rank) - 1];
    }

    public static double mean(long[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The median; for an even count, the mean of the two middle values. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
