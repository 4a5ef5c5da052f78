package dev.athenaeum.bench;

import java.nio.file.Path;

/** A plain loop over float arrays: the floor any exact search has to beat, and the ground truth's method. */
final class ExactScanEngine implements VectorEngine {

    private float[][] data;
    private int n;

    @Override
    public String name() {
        return "exact scan (float[] loop, 1 thread)";
    }

    @Override
    public void build(float[][] data, int n, Path dir) {
        this.data = data;
        this.n = n;
    }

    @Override
    public int[] search(float[] query, int k) {
        return Neighbours.exactTopK(data, n, query, k);
    }
}
