package dev.athenaeum.search;

import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.index.IndexTestSupport;
import dev.athenaeum.index.KnowledgeIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearcherWhileLoadingTest {

    @TempDir
    static Path tmp;
    static Path index;

    @BeforeAll
    static void buildOnce() throws Exception {
        Path corpus = IndexTestSupport.copyNpmDocs(tmp.resolve("corpus"), "commands/npm-cache.md",
                "commands/npm-publish.md", "commands/npm-access.md");
        index = tmp.resolve("index");
        IndexTestSupport.build(corpus, index);
    }

    private static SearchRequest request(SearchMode mode) {
        return SearchRequest.builder("clear the npm cache").topK(3).mode(mode).build();
    }

    @Test
    void searchesWaitForTheModelAndThenAnswerAsUsual() throws Exception {
        try (KnowledgeIndex idx = KnowledgeIndex.open(index)) {
            CompletableFuture<Embedder> loading = new CompletableFuture<>();
            Searcher searcher = Searcher.whileLoading(idx, loading);
            // Keyword search needs no model.
            assertThat(searcher.search(request(SearchMode.KEYWORD))).isNotEmpty();
            CompletableFuture<List<SearchHit>> hybrid = CompletableFuture.supplyAsync(() -> searcher.search(request(SearchMode.HYBRID)));
            Thread.sleep(200);
            assertThat(hybrid).isNotDone();
            loading.complete(IndexTestSupport.embedder());
            List<SearchHit> hits = hybrid.get(60, TimeUnit.SECONDS);
            searcher.awaitModel();
            assertThat(hits).hasSize(3);
            assertThat(hits).extracting(SearchHit::score).containsExactlyElementsOf(
                    new Searcher(idx, IndexTestSupport.embedder()).search(request(SearchMode.HYBRID)).stream()
                            .map(SearchHit::score).toList());
        }
    }

    @Test
    void aModelThatFailedToLoadFailsTheSearchesThatNeedIt() throws Exception {
        try (KnowledgeIndex idx = KnowledgeIndex.open(index)) {
            Searcher searcher = Searcher.whileLoading(idx,
                    CompletableFuture.failedFuture(new IllegalStateException("cannot load the embedding model x")));
            assertThatThrownBy(() -> searcher.search(request(SearchMode.DENSE)))
                    .isInstanceOf(IllegalStateException.class).hasMessage("cannot load the embedding model x");
            assertThatThrownBy(searcher::awaitModel).hasMessage("cannot load the embedding model x");
            assertThat(searcher.search(request(SearchMode.KEYWORD))).isNotEmpty();
        }
    }

    @Test
    void aModelThatDoesNotMatchTheIndexIsRefusedWhenItArrives() throws Exception {
        try (KnowledgeIndex idx = KnowledgeIndex.open(index)) {
            Embedder other = EmbeddingModels.open("ollama:nomic-embed-text", EmbeddingOptions.fromEnvironment());
            Searcher searcher = Searcher.whileLoading(idx, CompletableFuture.completedFuture(other));
            assertThatThrownBy(() -> searcher.search(request(SearchMode.HYBRID)))
                    .isInstanceOf(IndexFormatException.class).hasMessageContaining("would compare unrelated vectors");
            assertThatThrownBy(searcher::awaitModel).isInstanceOf(IndexFormatException.class);
        }
    }
}
