package dev.athenaeum.bench;

import dev.athenaeum.index.VectorGraph;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.util.Bits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Athenaeum's own vector graph: built and written exactly as an index build writes a segment, then memory-mapped.
 * The second form always builds the large-segment layout (jvector's hierarchy, a wider build beam), which segments
 * get only from a size on, to compare the two.
 */
final class JvectorEngine implements VectorEngine {

    private final boolean alwaysHierarchical;
    private VectorGraph graph;
    private Path file;

    JvectorEngine() {
        this(false);
    }

    JvectorEngine(boolean alwaysHierarchical) {
        this.alwaysHierarchical = alwaysHierarchical;
    }

    @Override
    public String name() {
        return alwaysHierarchical ? "VectorGraph, large layout at every size" : "Athenaeum VectorGraph (jvector, mmap)";
    }

    @Override
    public void build(float[][] data, int n, Path dir) throws IOException {
        file = dir.resolve("graph.bin");
        if (alwaysHierarchical) {
            VectorGraph.build(Arrays.asList(data).subList(0, n), data[0].length, VectorGraph.Layout.HIERARCHICAL, file);
        } else {
            VectorGraph.build(Arrays.asList(data).subList(0, n), data[0].length, file);
        }
        graph = VectorGraph.open(file);
    }

    @Override
    public int[] search(float[] query, int k) {
        SearchResult.NodeScore[] nodes = graph.search(query, k, Bits.ALL);
        int[] ids = new int[nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            ids[i] = nodes[i].node;
        }
        return ids;
    }

    @Override
    public long diskBytes() {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        if (graph != null) {
            graph.close();
        }
    }
}
