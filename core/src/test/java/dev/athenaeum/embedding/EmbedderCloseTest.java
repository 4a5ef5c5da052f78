package dev.athenaeum.embedding;

import dev.athenaeum.chunking.Chunk;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.index.IndexTestSupport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The in-process model closed while a batch is being embedded, as when the workbench closes during a build: the
 * inferences under way finish, the rest of the batch fails with a clear error, and the process goes on.
 */
class EmbedderCloseTest {

    @Test
    void closingDuringABatchFailsTheRestOfItInsteadOfFreeingTheModelUnderIt() throws Exception {
        List<String> texts = IndexTestSupport.npmChunks(ChunkSettings.of(256, 32)).stream()
                .map(Chunk::text).limit(400).toList();
        Embedder embedder = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
        assertThat(embedder.embedQuery("publish a scoped package")).hasSize(384);
        CompletableFuture<List<float[]>> batch = CompletableFuture.supplyAsync(() -> embedder.embed(texts));
        // Some of the batch is embedded before the close (400 texts take several seconds on two cores).
        Thread.sleep(300);
        assertThat(batch).isNotDone();

        embedder.close();

        assertThatThrownBy(() -> batch.get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class)
                .hasMessage("the embedding model all-minilm-l6-v2-q was closed");
        assertThatThrownBy(() -> embedder.embed(List.of("one", "two")))
                .hasMessage("the embedding model all-minilm-l6-v2-q was closed");
        assertThatThrownBy(() -> embedder.embedQuery("one"))
                .hasMessage("the embedding model all-minilm-l6-v2-q was closed");
        embedder.close();
    }
}
