package dev.athenaeum.bench;

import java.util.PriorityQueue;

/** Exact nearest neighbours by dot product (the vectors are unit length) and recall against them. */
public final class Neighbours {

    private Neighbours() {
    }

    public static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The ids of the {@code k} vectors among {@code data[0..n)} with the largest dot product with {@code query}, best
     * first; ties go to the lower id.
     */
    public static int[] exactTopK(float[][] data, int n, float[] query, int k) {
        int kk = Math.min(k, n);
        // Min-heap on (score, -id): the head is the worst kept candidate.
        PriorityQueue<long[]> heap = new PriorityQueue<>(kk + 1, (x, y) -> {
            int c = Float.compare(Float.intBitsToFloat((int) x[0]), Float.intBitsToFloat((int) y[0]));
            return c != 0 ? c : Long.compare(y[1], x[1]);
        });
        for (int i = 0; i < n; i++) {
            float s = dot(data[i], query);
            if (heap.size() < kk) {
                heap.add(new long[] {Float.floatToRawIntBits(s), i});
            } else {
                float worst = Float.intBitsToFloat((int) heap.peek()[0]);
                if (s > worst) {
                    heap.poll();
                    heap.add(new long[] {Float.floatToRawIntBits(s), i});
                }
            }
        }
        int[] out = new int[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            out[i] = (int) heap.poll()[1];
        }
        return out;
    }

    /** Share of the first {@code k} true neighbours found among the first {@code k} results. */
    public static double recall(int[] found, int[] truth, int k) {
        int kt = Math.min(k, truth.length);
        if (kt == 0) {
            return 1.0;
        }
        int hits = 0;
        for (int i = 0; i < Math.min(k, found.length); i++) {
            for (int j = 0; j < kt; j++) {
                if (found[i] == truth[j]) {
                    hits++;
                    break;
                }
            }
        }
        return hits / (double) kt;
    }

    /** Scales {@code v} to unit length in place (computed in double precision) and returns it. */
    public static float[] normalise(float[] v) {
        double sq = 0;
        for (float x : v) {
            sq += (double) x * x;
        }
        double norm = Math.sqrt(sq);
        if (norm == 0) {
            throw new IllegalArgumentException("cannot normalise a zero vector");
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (v[i] / norm);
        }
        return v;
    }
}
