package dev.athenaeum.server;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.BuildRequest;
import dev.athenaeum.index.IndexBuilder;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.search.Searcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real indexes of the bundled user guide, built with the real in-process model (loaded once per test JVM), the way
 * core's tests build theirs. Nothing here is mocked.
 */
public final class TestIndex {

    public static final Path GUIDE = Path.of("../samples/guide").toAbsolutePath().normalize();
    /** Small enough to build in seconds, varied enough to search. */
    public static final String[] FILES = {"faq.md", "privacy.md", "guides/ollama-and-openai.md",
            "guides/include-exclude-patterns.md"};

    private static Embedder embedder;

    private TestIndex() {
    }

    public static synchronized Embedder embedder() {
        if (embedder == null) {
            embedder = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
        }
        return embedder;
    }

    /** Copies {@link #FILES} of the guide into {@code dir/corpus}, indexes them into {@code dir/index}, opens it. */
    public static KnowledgeIndex build(Path dir) {
        try {
            Path corpus = dir.resolve("corpus");
            for (String f : FILES) {
                Path target = corpus.resolve(f);
                Files.createDirectories(target.getParent());
                Files.copy(GUIDE.resolve(f), target);
            }
            Path index = dir.resolve("index");
            BuildRequest request = BuildRequest.builder().scan(ScanOptions.builder().root(corpus).build())
                    .chunking(ChunkSettings.DEFAULT).indexDir(index).build();
            new IndexBuilder(embedder()).build(request, ProgressListener.NONE, Cancellation.none());
            return KnowledgeIndex.open(index);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Searcher searcher(KnowledgeIndex index) {
        return new Searcher(index, embedder());
    }
}
