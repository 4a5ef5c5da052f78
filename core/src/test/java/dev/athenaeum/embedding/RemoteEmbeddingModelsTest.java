package dev.athenaeum.embedding;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.index.BuildRequest;
import dev.athenaeum.index.IndexBuilder;
import dev.athenaeum.index.IndexFormatException;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Ollama and OpenAI embedding options through the real langchain4j clients, against a local server that speaks
 * their wire formats (no model is reachable here). The code path is the production one; only the URL differs.
 */
class RemoteEmbeddingModelsTest {

    private static final String KEY = "sk-test-0123456789abcdefghijklmnop";

    @TempDir
    Path tmp;

    private FakeEmbeddingServer server;

    @BeforeEach
    void start() throws IOException {
        server = new FakeEmbeddingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private EmbeddingOptions options() {
        return new EmbeddingOptions(server.baseUrl(), server.baseUrl() + "/v1", KEY, Duration.ofSeconds(10), 1);
    }

    @Test
    void ollamaVectorsComeFromTheServerAndTheDimensionIsAskedFor() {
        try (Embedder e = EmbeddingModels.open("ollama:nomic-embed-text", options())) {
            assertThat(e.name()).isEqualTo("ollama:nomic-embed-text");
            assertThat(e.dimension()).isEqualTo(FakeEmbeddingServer.DIMENSION);
            List<float[]> vectors = e.embed(List.of("publish a scoped package", "clear the cache"));
            assertThat(vectors).hasSize(2);
            assertThat(vectors.get(0)).containsExactly(floats(FakeEmbeddingServer.vector("publish a scoped package")));
        }
        assertThat(server.requests).allSatisfy(r -> assertThat(r.path("model").asText()).isEqualTo("nomic-embed-text"));
        assertThat(server.requests.get(server.requests.size() - 1).path("input")).hasSize(2);
    }

    @Test
    void anIndexBuiltWithOllamaRecordsItsModelAndIsSearchable() throws IOException {
        Path docs = copyDocs("commands/npm-ping.md", "commands/npm-whoami.md", "commands/npm-cache.md");
        Path index = tmp.resolve("index");
        try (Embedder e = EmbeddingModels.open("ollama:nomic-embed-text", options())) {
            BuildReport report = new IndexBuilder(e).build(BuildRequest.builder().scan(ScanOptions.builder().root(docs).build())
                    .chunking(ChunkSettings.DEFAULT).indexDir(index).build(), ProgressListener.NONE, Cancellation.none());
            assertThat(report.files()).isEqualTo(3);
            try (KnowledgeIndex k = KnowledgeIndex.open(index)) {
                assertThat(k.manifest().embedding().model()).isEqualTo("ollama:nomic-embed-text");
                assertThat(k.manifest().embedding().dimension()).isEqualTo(FakeEmbeddingServer.DIMENSION);
                List<SearchHit> hits = new Searcher(k, e).search(SearchRequest.builder("ping registry")
                        .mode(SearchMode.DENSE).topK(3).build());
                assertThat(hits).isNotEmpty();
                assertThatThrownBy(() -> new Searcher(k, IndexSupport.minilm()))
                        .isInstanceOf(IndexFormatException.class).hasMessageContaining("ollama:nomic-embed-text");
            }
        }
        // Updating it with the built-in model would mix two models' vectors: refused.
        assertThatThrownBy(() -> new IndexBuilder(IndexSupport.minilm()).build(BuildRequest.builder()
                .scan(ScanOptions.builder().root(docs).build()).indexDir(index).build(), ProgressListener.NONE, Cancellation.none()))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("ollama:nomic-embed-text").hasMessageContaining(EmbeddingModels.DEFAULT);
    }

    @Test
    void aModelOllamaDoesNotHaveSaysWhatToPull() {
        server.behave(FakeEmbeddingServer.Behaviour.MODEL_NOT_FOUND);
        try (Embedder e = EmbeddingModels.open("ollama:mxbai-embed-large", options())) {
            assertThatThrownBy(() -> e.embed(List.of("text")))
                    .isInstanceOf(EmbeddingFailedException.class)
                    .hasMessage("Ollama has no model 'mxbai-embed-large': run 'ollama pull mxbai-embed-large'");
        }
    }

    @Test
    void anOllamaThatIsNotRunningIsNamedWithItsAddress() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        EmbeddingOptions o = new EmbeddingOptions(url, null, null, Duration.ofSeconds(5), 1);
        try (Embedder e = EmbeddingModels.open("ollama:nomic-embed-text", o)) {
            assertThatThrownBy(() -> e.embed(List.of("text")))
                    .isInstanceOf(EmbeddingFailedException.class)
                    .hasMessage("cannot reach Ollama at " + url + ": is it running? Start it with 'ollama serve'");
        }
    }

    @Test
    void openAiGetsTheKeyAsABearerTokenAndReturnsVectorsInOrder() {
        try (Embedder e = EmbeddingModels.open("openai:text-embedding-3-small", options())) {
            List<float[]> vectors = e.embed(List.of("first text", "second text", "third"));
            assertThat(vectors).hasSize(3);
            assertThat(vectors.get(2)).containsExactly(floats(FakeEmbeddingServer.vector("third")));
            assertThat(e.dimension()).isEqualTo(FakeEmbeddingServer.DIMENSION);
        }
        assertThat(server.authorizations).allSatisfy(a -> assertThat(a).isEqualTo("Bearer " + KEY));
        assertThat(server.requests.get(0).path("model").asText()).isEqualTo("text-embedding-3-small");
    }

    @Test
    void aRejectedKeyIsExplainedWithoutShowingTheKey() {
        server.behave(FakeEmbeddingServer.Behaviour.UNAUTHORIZED);
        try (Embedder e = EmbeddingModels.open("openai:text-embedding-3-small", options())) {
            assertThatThrownBy(() -> e.embed(List.of("text")))
                    .isInstanceOf(EmbeddingFailedException.class)
                    .hasMessage("OpenAI rejected the API key (HTTP 401): check OPENAI_API_KEY")
                    .satisfies(t -> assertThat(t.getMessage()).doesNotContain(KEY));
        }
    }

    @Test
    void rateLimitingIsRetriedThenExplained() {
        server.behave(FakeEmbeddingServer.Behaviour.RATE_LIMITED);
        try (Embedder e = EmbeddingModels.open("openai:text-embedding-3-small", options())) {
            assertThatThrownBy(() -> e.embed(List.of("text")))
                    .isInstanceOf(EmbeddingFailedException.class)
                    .hasMessageContaining("rate-limiting requests (HTTP 429)");
        }
        assertThat(server.requests).as("retried before giving up").hasSizeGreaterThan(1);
    }

    @Test
    void withoutAKeyOpenAiIsRefusedBeforeAnyRequest() {
        EmbeddingOptions noKey = new EmbeddingOptions(null, server.baseUrl() + "/v1", null, null, 1);
        assertThatThrownBy(() -> EmbeddingModels.open("openai:text-embedding-3-small", noKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no OpenAI API key: set OPENAI_API_KEY to use openai:text-embedding-3-small");
        assertThat(server.requests).isEmpty();
        assertThat(options().toString()).doesNotContain(KEY);
    }

    @Test
    void unknownModelNamesAreRefusedWithTheChoices() {
        assertThatThrownBy(() -> EmbeddingModels.canonical("bert-large"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ollama:MODEL").hasMessageContaining("openai:MODEL");
        assertThatThrownBy(() -> EmbeddingModels.canonical("ollama:"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing model name");
        assertThat(EmbeddingModels.canonical("minilm")).isEqualTo(EmbeddingModels.DEFAULT);
    }

    private Path copyDocs(String... files) throws IOException {
        Path docs = tmp.resolve("docs");
        for (String f : files) {
            Path target = docs.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(Path.of("../testdata/npm-docs").resolve(f), target);
        }
        return docs;
    }

    private static float[] floats(com.fasterxml.jackson.databind.node.ArrayNode a) {
        float[] f = new float[a.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) a.get(i).asDouble();
        }
        return f;
    }

    /** The built-in model, loaded once for the tests that need it. */
    static final class IndexSupport {
        private static Embedder minilm;

        static synchronized Embedder minilm() {
            if (minilm == null) {
                minilm = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
            }
            return minilm;
        }
    }
}
