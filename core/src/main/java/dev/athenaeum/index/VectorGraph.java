package dev.athenaeum.index;

import io.github.jbellis.jvector.disk.ReaderSupplier;
import io.github.jbellis.jvector.disk.ReaderSupplierFactory;
import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.ImmutableGraphIndex;
import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.disk.OnDiskGraphIndex;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.DefaultSearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The approximate-nearest-neighbour graph over window vectors (jvector, vectors stored inline), memory-mapped for
 * search. Vectors are unit length, so dot product ranks like cosine.
 */
public final class VectorGraph implements Closeable {

    static final VectorSimilarityFunction SIMILARITY = VectorSimilarityFunction.DOT_PRODUCT;
    private static final int MAX_DEGREE = 16;
    private static final int BEAM_WIDTH = 100;

    private final ReaderSupplier readers;
    private final OnDiskGraphIndex graph;
    private final ConcurrentLinkedQueue<GraphSearcher> searchers = new ConcurrentLinkedQueue<>();

    private VectorGraph(ReaderSupplier readers, OnDiskGraphIndex graph) {
        this.readers = readers;
        this.graph = graph;
    }

    /** Builds the graph over {@code vectors} (using all cores) and writes it to {@code file}. */
    static void build(RandomAccessVectorValues vectors, Path file) throws IOException {
        BuildScoreProvider scores = BuildScoreProvider.randomAccessScoreProvider(vectors, SIMILARITY);
        try (GraphIndexBuilder builder = new GraphIndexBuilder(scores, vectors.dimension(), MAX_DEGREE, BEAM_WIDTH,
                1.2f, 1.2f, true)) {
            ImmutableGraphIndex graph = builder.build(vectors);
            OnDiskGraphIndex.write(graph, vectors, file);
        }
    }

    static VectorGraph open(Path file) throws IOException {
        ReaderSupplier readers = ReaderSupplierFactory.open(file);
        try {
            return new VectorGraph(readers, OnDiskGraphIndex.load(readers));
        } catch (RuntimeException e) {
            readers.close();
            throw new IndexFormatException("the vector graph " + file + " is unreadable: " + e.getMessage(), e);
        }
    }

    public int size() {
        return graph.size(0);
    }

    /**
     * The {@code topK} windows nearest to {@code query}, best first, among those {@code accept} lets through.
     * Scores are jvector's dot-product similarity, {@code (1 + cos) / 2}.
     */
    public SearchResult.NodeScore[] search(float[] query, int topK, Bits accept) {
        if (size() == 0) {
            return new SearchResult.NodeScore[0];
        }
        VectorFloat<?> q = VectorizationProvider.getInstance().getVectorTypeSupport().createFloatVector(query);
        GraphSearcher searcher = searchers.poll();
        if (searcher == null) {
            searcher = new GraphSearcher(graph);
        }
        try {
            var view = (RandomAccessVectorValues) searcher.getView();
            var scores = DefaultSearchScoreProvider.exact(q, SIMILARITY, view);
            int beam = Math.max(topK * 2, 64);
            return searcher.search(scores, topK, beam, 0f, 0f, accept).getNodes();
        } finally {
            searchers.offer(searcher);
        }
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
