package dev.athenaeum.bench;

import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticIndexTest {

    @Test
    void anIndexOfExactlyNChunksRecordsTheRealModelAndIsReused(@TempDir Path work) throws Exception {
        RealPassages passages = RealPassages.collect(List.of(ServerCorpusTest.NPM_DOCS), 200, 100, 50);
        try (Embedder real = SyntheticIndex.openRealModel()) {
            float[][] vectors = ServerCorpusTest.randomUnitVectors(passages.size(), real.dimension(), 5);
            SyntheticIndex.Recipe recipe = new SyntheticIndex.Recipe(passages, vectors, 0.1, 42, 40);
            SyntheticIndex.Built built = SyntheticIndex.get(work, recipe, 350, real);
            assertThat(built.counts().chunks()).isEqualTo(350);
            assertThat(built.counts().files()).isEqualTo(9);
            assertThat(built.note()).contains("350 chunks", "0 of ");
            assertThat(Files.exists(built.dir().resolveSibling("corpus"))).isFalse();
            assertThat(SyntheticIndex.cached(work, recipe, 350)).isTrue();
            assertThat(SyntheticIndex.cached(work, recipe, 351)).isFalse();

            try (KnowledgeIndex idx = KnowledgeIndex.open(built.dir())) {
                assertThat(idx.manifest().embedding().model()).isEqualTo(EmbeddingModels.DEFAULT);
                List<SearchHit> hits = new Searcher(idx, real).search(SearchRequest.builder("publish a package to the registry")
                        .mode(SearchMode.HYBRID).build());
                assertThat(hits).hasSize(SearchRequest.DEFAULT_TOP_K);
            }
            // Reused: no model needed, same note.
            SyntheticIndex.Built again = SyntheticIndex.get(work,
                    new SyntheticIndex.Recipe(passages, null, 0.1, 42, 40), 350, null);
            assertThat(again.note()).isEqualTo(built.note());
            assertThat(again.dir()).isEqualTo(built.dir());
        }
    }
}
