package dev.athenaeum.bench;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.BenchEmbedders;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.index.IndexManifest;
import dev.athenaeum.index.KnowledgeIndex;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Indexes of N chunks for the server benchmarks, built by core's real {@code IndexBuilder} (chunking, Lucene BM25,
 * chunk store, vector graph) from a {@link ServerCorpus}, with the vectors of a {@link SectionVectorModel}
 * instead of the in-process model's (embedding 100k chunks for real takes about an hour on two cores). The index
 * records the real model's name, so a server opens the real model for its queries. Built indexes are kept under
 * {@code work/indexes/} in a folder named after everything they are made from, and reused.
 */
final class SyntheticIndex {

    /** Bump when the corpus or vectors would come out differently for the same options. */
    private static final int RECIPE_VERSION = 2;
    private static final String DONE_FILE = "recipe.txt";

    /** What to build from: real passages and their vectors, and how to derive more. */
    record Recipe(RealPassages passages, float[][] realVectors, double noise, long seed, int perFile) {

        String key(int n) {
            List<String> parts = new ArrayList<>(passages.texts());
            parts.add(String.format(Locale.ROOT, "v%d n=%d noise=%s seed=%d perFile=%d", RECIPE_VERSION, n, noise,
                    seed, perFile));
            return VectorCache.key(EmbeddingModels.DEFAULT, parts);
        }
    }

    /** A built index: where it is and what it holds. */
    record Built(int size, Path dir, IndexManifest.Counts counts, String note) {
    }

    private SyntheticIndex() {
    }

    /** The folder an index of {@code n} chunks made from {@code recipe} lives in under {@code work}. */
    static Path folder(Path work, Recipe recipe, int n) {
        return work.resolve("indexes").resolve(SearchLatency.count(n) + "-" + recipe.key(n));
    }

    /** The index of {@code n} chunks, built now unless {@code work} already has it. */
    static Built get(Path work, Recipe recipe, int n, Embedder realModel) throws IOException {
        Path folder = folder(work, recipe, n);
        Path index = folder.resolve("index");
        Path done = folder.resolve(DONE_FILE);
        if (Files.isRegularFile(done)) {
            try {
                IndexManifest m = KnowledgeIndex.readManifest(index);
                System.err.printf(Locale.ROOT, "[%s] reusing the index in %s%n", SearchLatency.count(n), index);
                return new Built(n, index, m.counts(), Files.readString(done, StandardCharsets.UTF_8).strip());
            } catch (RuntimeException unreadable) {
                System.err.printf(Locale.ROOT, "[%s] the index in %s is unreadable (%s); building it again%n",
                        SearchLatency.count(n), index, unreadable.getMessage());
            }
        }
        Paths2.deleteRecursively(folder);
        Files.createDirectories(folder);
        DerivedVectors derived = DerivedVectors.derive(recipe.realVectors(), n, recipe.noise(), recipe.seed());
        List<CorpusMaker.Item> files = ServerCorpus.plan(recipe.passages(), derived.mixes(), n, recipe.perFile(),
                realModel.tokenizer(), sectionTokens(ChunkSettings.DEFAULT));
        Path corpus = folder.resolve("corpus");
        long bytes = CorpusMaker.write(files, corpus);
        SectionVectorModel model = new SectionVectorModel(derived.vectors(), recipe.noise(), recipe.seed());
        System.err.printf(Locale.ROOT, "[%s] building the index in %s (%d files, %.1f MB)…%n", SearchLatency.count(n),
                index, files.size(), bytes / 1e6);
        Builds.Timed t = Builds.build(BenchEmbedders.withVectorsFrom(realModel, model), corpus, index,
                ChunkSettings.DEFAULT, true);
        Paths2.deleteRecursively(corpus);
        IndexManifest.Counts counts = KnowledgeIndex.readManifest(index).counts();
        if (counts.chunks() != n) {
            System.err.printf(Locale.ROOT, "[%s] warning: the index has %d chunks, not %d%n", SearchLatency.count(n),
                    counts.chunks(), n);
        }
        String note = String.format(Locale.ROOT, "%d files (%.1f MB of markdown), %d chunks, %d windows; built in "
                        + "%.0f s (%s); %d of %d windows had no section number", counts.files(), bytes / 1e6,
                counts.chunks(), counts.windows(), Builds.seconds(t.report().elapsed()), PhaseTimer.describe(t.stages()),
                model.unmatched(), model.windows());
        Files.writeString(done, note + "\n", StandardCharsets.UTF_8);
        System.err.printf(Locale.ROOT, "[%s] %s%n", SearchLatency.count(n), note);
        return new Built(n, index, counts, note);
    }

    /** The most tokens a section's text may have: a chunk's, less room for the file title and the heading. */
    static int sectionTokens(ChunkSettings chunking) {
        return chunking.chunkSize() - 64;
    }

    /** Whether {@link #get} would reuse an index rather than build one (then no model is needed). */
    static boolean cached(Path work, Recipe recipe, int n) {
        return Files.isRegularFile(folder(work, recipe, n).resolve(DONE_FILE));
    }

    /** Index size on disk in bytes. */
    static long diskBytes(Built b) throws IOException {
        return Paths2.sizeOf(b.dir());
    }

    static Embedder openRealModel() {
        return EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
    }
}
