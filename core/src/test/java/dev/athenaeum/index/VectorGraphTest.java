package dev.athenaeum.index;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.EmbeddingText;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.util.Bits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Both graph layouts, single-layer and hierarchical, on real embeddings of real documentation. */
class VectorGraphTest {

    private static final int SEGMENT = 1_000;
    private static final int QUERIES = 100;
    private static final int K = 10;

    static List<float[]> vectors;
    static List<float[]> queries;

    @TempDir
    Path tmp;

    @BeforeAll
    static void embedNpmChunks() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Chunk c : IndexTestSupport.npmChunks(ChunkSettings.of(128, 16))) {
            String text = EmbeddingText.of(c.text());
            if (!text.isBlank()) {
                texts.add(text);
            }
        }
        assertThat(texts).hasSizeGreaterThan(SEGMENT + QUERIES);
        // Every n-th text is a query, so queries come from all over the documentation and are not in the segment.
        int step = texts.size() / QUERIES;
        List<String> segment = new ArrayList<>();
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < texts.size() && (segment.size() < SEGMENT || asked.size() < QUERIES); i++) {
            if (i % step == 0 && asked.size() < QUERIES) {
                asked.add(texts.get(i));
            } else if (segment.size() < SEGMENT) {
                segment.add(texts.get(i));
            }
        }
        vectors = IndexTestSupport.embedder().embed(segment);
        queries = IndexTestSupport.embedder().embed(asked);
    }

    @Test
    void smallSegmentsAreSingleLayerAndLargeOnesHierarchical() throws IOException {
        Path file = tmp.resolve("seg.jvector");
        VectorGraph.build(vectors, vectors.get(0).length, file);
        try (VectorGraph g = VectorGraph.open(file)) {
            assertThat(vectors.size()).isLessThan(VectorGraph.HIERARCHY_FROM);
            assertThat(g.layers()).isEqualTo(1);
        }
        assertThat(VectorGraph.Layout.forSize(VectorGraph.HIERARCHY_FROM - 1)).isEqualTo(VectorGraph.Layout.SINGLE_LAYER);
        assertThat(VectorGraph.Layout.forSize(VectorGraph.HIERARCHY_FROM)).isEqualTo(VectorGraph.Layout.HIERARCHICAL);
        VectorGraph.build(vectors, vectors.get(0).length, VectorGraph.Layout.HIERARCHICAL, file);
        try (VectorGraph g = VectorGraph.open(file)) {
            assertThat(g.layers()).isGreaterThan(1);
        }
    }

    @Test
    void singleLayerFindsTheExactNeighbours() throws IOException {
        assertThat(recall(VectorGraph.Layout.SINGLE_LAYER)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void hierarchicalFindsTheExactNeighbours() throws IOException {
        assertThat(recall(VectorGraph.Layout.HIERARCHICAL)).isGreaterThanOrEqualTo(0.95);
    }

    /** Recall@K of the graph's answers against an exact scan, over every query. */
    private double recall(VectorGraph.Layout layout) throws IOException {
        Path file = tmp.resolve("seg-" + layout + ".jvector");
        VectorGraph.build(vectors, vectors.get(0).length, layout, file);
        int found = 0;
        try (VectorGraph g = VectorGraph.open(file)) {
            for (float[] q : queries) {
                Set<Integer> exact = new HashSet<>(exactTop(q));
                for (SearchResult.NodeScore ns : g.search(q, K, Bits.ALL)) {
                    if (exact.contains(ns.node)) {
                        found++;
                    }
                }
            }
        }
        return found / (double) (queries.size() * K);
    }

    private static List<Integer> exactTop(float[] q) {
        return IntStream.range(0, vectors.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -IndexTestSupport.cosine(q, vectors.get(i))))
                .limit(K).toList();
    }
}
