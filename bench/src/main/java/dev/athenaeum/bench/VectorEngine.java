package dev.athenaeum.bench;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/** One way of finding nearest neighbours, as SearchLatency compares them. */
interface VectorEngine extends Closeable {

    String name();

    /** Builds the index over {@code data[0..n)} (files, if any, go under {@code dir}); ids are array positions. */
    void build(float[][] data, int n, Path dir) throws IOException;

    /** The ids of the {@code k} best matches for {@code query}, best first. */
    int[] search(float[] query, int k) throws IOException;

    /** Bytes the index occupies on disk, or -1 when it lives only in memory. */
    default long diskBytes() {
        return -1;
    }

    @Override
    default void close() throws IOException {
    }
}
