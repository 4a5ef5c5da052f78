package dev.athenaeum.bench;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.BuildReport;
import dev.athenaeum.index.BuildRequest;
import dev.athenaeum.index.IndexBuilder;
import dev.athenaeum.progress.Cancellation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Index builds as the command line runs them, for the indexing benchmarks. */
final class Builds {

    private Builds() {
    }

    /** Opens the default in-process model and runs it once on a few texts, so one-time start-up is not timed later. */
    static Embedder openWarm() {
        long t0 = System.nanoTime();
        Embedder e = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
        e.embed(List.of("warm-up", "Install a package and its dependencies.",
                "The fs module enables interacting with the file system in a way modeled on standard POSIX functions."));
        System.err.printf(Locale.ROOT, "model %s loaded and warmed up in %.1f s%n", e.name(), (System.nanoTime() - t0) / 1e9);
        return e;
    }

    /** A build's report and where its time went (stage → seconds, see {@link PhaseTimer}). */
    record Timed(BuildReport report, java.util.Map<String, Double> stages) {
    }

    static Timed build(Embedder embedder, Path corpus, Path index, ChunkSettings chunking, boolean rebuild)
            throws IOException {
        BuildRequest request = BuildRequest.builder()
                .scan(ScanOptions.builder().root(corpus).build())
                .chunking(chunking)
                .indexDir(index)
                .rebuild(rebuild)
                .build();
        PhaseTimer timer = new PhaseTimer();
        BuildReport report = new IndexBuilder(embedder).build(request, timer, Cancellation.none());
        return new Timed(report, timer.seconds());
    }

    static double seconds(java.time.Duration d) {
        return d.toNanos() / 1e9;
    }
}
