package dev.athenaeum.gui.tuning;

import dev.athenaeum.index.FileTrees;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.gui.workspace.KnowledgeBase;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.index.BuildRequest;
import dev.athenaeum.index.IndexBuilder;
import dev.athenaeum.index.IndexDirectory;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A trial index in a temporary folder, built with settings not yet applied, so questions can be asked of them with
 * the real model and the real search. It is updated like any index: trying the same settings again re-embeds only
 * changed files. The first trial with the settings of the knowledge base's own index starts from a linked copy of
 * that index, so it embeds nothing that index already holds. See decision 0018.
 */
final class ScratchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchIndex.class);

    private Path dir;

    /** Builds or updates the trial index with {@code settings}; returns what the build did. */
    synchronized BuildReport build(KnowledgeBase kb, ChunkSettings settings, Embedder embedder, ProgressListener progress,
                            Cancellation cancel) throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("athenaeum-trial-");
        }
        Path index = dir.resolve("index");
        if (!new IndexDirectory(index).exists()) {
            seedFrom(kb.indexDir(), index, settings);
        }
        BuildRequest request = BuildRequest.builder().scan(kb.scanOptions(kb.sources())).chunking(settings)
                .indexDir(index).build();
        BuildReport report = new IndexBuilder(embedder).build(request, progress, cancel);
        LOG.debug("trial index with {}/{} tokens: {} chunks, {} embedded", settings.chunkSize(),
                settings.chunkOverlap(), report.chunks(), report.chunksEmbedded());
        return report;
    }

    synchronized Path indexDir() {
        return dir == null ? null : dir.resolve("index");
    }

    /** Links the live generation of {@code real} in when it was cut the same way; a copy where links fail. */
    private static void seedFrom(Path real, Path index, ChunkSettings settings) throws IOException {
        if (!new IndexDirectory(real).exists()) {
            return;
        }
        IndexManifest.Chunking used = KnowledgeIndex.readManifest(real).chunking();
        if (used.chunkSize() != settings.chunkSize() || used.chunkOverlap() != settings.chunkOverlap()) {
            return; // every chunk would be cut and embedded again anyway
        }
        try {
            new IndexDirectory(real).linkLiveGenerationInto(index);
        } catch (IOException e) {
            // The real index changed under the copy (a build finished): start empty instead.
            LOG.debug("could not seed the trial index: {}", e.toString());
            FileTrees.delete(index);
        }
    }

    @Override
    public synchronized void close() {
        if (dir != null) {
            try {
                FileTrees.delete(dir);
            } catch (IOException e) {
                LOG.warn("could not delete the trial index {}: {}", dir, e.toString());
            }
            dir = null;
        }
    }

}
