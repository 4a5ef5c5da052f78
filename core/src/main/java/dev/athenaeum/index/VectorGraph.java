package dev.athenaeum.index;

import io.github.jbellis.jvector.disk.ReaderSupplier;
import io.github.jbellis.jvector.disk.ReaderSupplierFactory;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.ListRandomAccessVectorValues;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.disk.OnDiskGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * One vector segment: an approximate-nearest-neighbour graph (jvector) with its vectors stored inline,
 * memory-mapped for search. Vectors are unit length, so dot product ranks like cosine.
 */
public final class VectorGraph implements Closeable {

    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;
    private static final VectorTypeSupport VTS = VectorizationProvider.getInstance().getVectorTypeSupport();
    private static final int MAX_DEGREE = 16;
    private static final int BEAM_WIDTH = 100;
    /**
     * Large segments are searched by a longer walk: built with the narrow beam, a graph of 100k vectors gave a
     * recall@10 from 0.950 to 0.962 from build to build (target 0.95); with this one 0.977 and 0.979.
     */
    private static final int LARGE_BEAM_WIDTH = 160;
    /**
     * Segments this large get jvector's hierarchy (upper layers that shorten the walk to a query's neighbourhood)
     * and the wider build beam. Below it a single layer has the same recall and latency and builds a quarter
     * faster (docs/benchmarks.md, search latency); at 40k vectors its median latency was already 10% higher.
     */
    static final int HIERARCHY_FROM = 20_000;

    /** How a segment's graph is built: small segments with one layer, large ones hierarchical with a wider beam. */
    public enum Layout {
        SINGLE_LAYER,
        HIERARCHICAL;

        static Layout forSize(int vectors) {
            return vectors >= HIERARCHY_FROM ? HIERARCHICAL : SINGLE_LAYER;
        }
    }

    private final ReaderSupplier readers;
    private final OnDiskGraphIndex graph;
    private final ConcurrentLinkedQueue<GraphSearcher> searchers = new ConcurrentLinkedQueue<>();

    private VectorGraph(ReaderSupplier readers, OnDiskGraphIndex graph) {
        this.readers = readers;
        this.graph = graph;
    }

    /** Builds a segment over {@code vectors} (using all cores) and writes it to {@code file}. */
    public static void build(List<float[]> vectors, int dimension, Path file) throws IOException {
        build(vectors, dimension, Layout.forSize(vectors.size()), file);
    }

    /** As {@link #build(List, int, Path)}, in the given layout whatever the size (for comparisons). */
    public static void build(List<float[]> vectors, int dimension, Layout layout, Path file) throws IOException {
        List<VectorFloat<?>> list = new ArrayList<>(vectors.size());
        for (float[] v : vectors) {
            if (v.length != dimension) {
                throw new IllegalArgumentException("vector of dimension " + v.length + " in an index of dimension " + dimension);
            }
            list.add(VTS.createFloatVector(v));
        }
        RandomAccessVectorValues ravv = new ListRandomAccessVectorValues(list, dimension);
        BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(ravv, SIMILARITY);
        boolean large = layout == Layout.HIERARCHICAL;
        try (GraphIndexBuilder builder = new GraphIndexBuilder(scores, dimension, MAX_DEGREE,
                large ? LARGE_BEAM_WIDTH : BEAM_WIDTH, 1.2f, 1.2f, large)) {
            ImmutableGraphIndex g = builder.build(ravv);
            OnDiskGraphIndex.write(g, ravv, file);
        }
    }

    public static VectorGraph open(Path file) throws IOException {
        return open(file, VectorAccess.MAPPED);
    }

    public static VectorGraph open(Path file, VectorAccess access) throws IOException {
        ReaderSupplier readers = access == VectorAccess.READ ? PositionalReader.supplier(file) : ReaderSupplierFactory.open(file);
        try {
            return new VectorGraph(readers, OnDiskGraphIndex.load(readers));
        } catch (RuntimeException e) {
            readers.close();
            throw new IndexFormatException("the vector segment " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    public int size() {
        return graph.size(0);
    }

    /** How many layers the graph has: one, or more with jvector's hierarchy. */
    int layers() {
        return graph.getMaxLevel() + 1;
    }

    public int dimension() {
        return graph.getDimension();
    }

    /** The stored vector of node {@code node}. */
    public float[] vector(int node) {
        GraphSearcher searcher = borrow();
        try {
            VectorFloat<?> v = ((RandomAccessVectorValues) searcher.getView()).getVector(node);
            float[] out = new float[v.length()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i);
            }
            return out;
        } finally {
            searchers.offer(searcher);
        }
    }

    /**
     * The {@code topK} nodes nearest to {@code query}, best first, among those {@code accept} lets through.
     * Scores are jvector's dot-product similarity, {@code (1 + cos) / 2}.
     */
    public SearchResult.NodeScore[] search(float[] query, int topK, Bits accept) {
        if (size() == 0) {
            return new SearchResult.NodeScore[0];
        }
        GraphSearcher searcher = borrow();
        try {
            var view = (RandomAccessVectorValues) searcher.getView();
            var scores = DefaultSearchScoreProvider.exact(VTS.createFloatVector(query), SIMILARITY, view);
            // A beam of 100 keeps recall@10 above 0.95 at 100k vectors (docs/benchmarks.md); larger k widen it.
            int beam = Math.max(topK * 2, 100);
            return searcher.search(scores, topK, beam, 0f, 0f, accept).getNodes();
        } finally {
            searchers.offer(searcher);
        }
    }

    /** Searchers hold a reader each and are not thread-safe; a pool keeps one per concurrent caller. */
    private GraphSearcher borrow() {
        GraphSearcher searcher = searchers.poll();
        return searcher != null ? searcher : new GraphSearcher(graph);
    }

    @Override
    public void close() throws IOException {
        for (GraphSearcher s; (s = searchers.poll()) != null; ) {
            s.close();
        }
        graph.close();
        readers.close();
    }
}
