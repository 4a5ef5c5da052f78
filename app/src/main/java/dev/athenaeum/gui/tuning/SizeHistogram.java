package dev.athenaeum.gui.tuning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How many chunks of the corpus fall into each size band, from empty to the chunk size. A chunk can exceed the
 * budget only where one sentence or line does; those count in the last band.
 */
public record SizeHistogram(List<Bin> bins) {

    static final int BINS = 10;

    public SizeHistogram {
        bins = List.copyOf(bins);
    }

    /** Chunks of {@code from} to {@code to} tokens, both inclusive. */
    public record Bin(int from, int to, int count) {
        public String label() {
            return String.format(Locale.ROOT, "%d–%d", from, to);
        }
    }

    public static SizeHistogram of(List<Integer> sizes, int chunkSize) {
        int width = Math.max(1, (chunkSize + BINS - 1) / BINS);
        int[] counts = new int[BINS];
        for (int s : sizes) {
            counts[Math.min(BINS - 1, Math.max(0, (s - 1) / width))]++;
        }
        List<Bin> bins = new ArrayList<>(BINS);
        for (int i = 0; i < BINS; i++) {
            int from = i * width + 1;
            bins.add(new Bin(from, i == BINS - 1 ? Math.max(chunkSize, from) : (i + 1) * width, counts[i]));
        }
        return new SizeHistogram(bins);
    }

    public int max() {
        return bins.stream().mapToInt(Bin::count).max().orElse(0);
    }

    public int total() {
        return bins.stream().mapToInt(Bin::count).sum();
    }
}
