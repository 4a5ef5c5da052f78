package dev.athenaeum.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Updating an index: only new or changed files are embedded, unchanged ones keep their chunks and vectors
 * bit for bit (also under a new name), removed ones disappear, and settings or model changes are handled.
 * Each test starts from its own fresh build of eight short npm command pages.
 */
class IncrementalReindexTest {

    static final List<String> FILES = List.of(
            "commands/npm-edit.md",
            "commands/npm-explore.md",
            "commands/npm-help.md",
            "commands/npm-ping.md",
            "commands/npm-prefix.md",
            "commands/npm-root.md",
            "commands/npm-stars.md",
            "commands/npm-whoami.md");

    static final String OLD_SENTENCE = "Ping the configured or given npm registry and verify authentication.";
    static final String NEW_SENTENCE = "Ping the configured registry; when the answer takes longer than the heartbeat budget,"
            + " a lighthouse warning is printed and the command exits with code 7.";

    @TempDir
    Path tmp;

    Path corpus;
    Path indexDir;
    BuildReport first;

    @BeforeEach
    void buildFirstGeneration() throws IOException {
        corpus = IndexTestSupport.copyNpmDocs(tmp.resolve("docs"), FILES.toArray(String[]::new));
        indexDir = tmp.resolve("index");
        first = IndexTestSupport.build(corpus, indexDir);
        assertThat(first.upToDate()).isFalse();
        assertThat(first.filesEmbedded()).isEqualTo(FILES.size());
    }

    @Test
    void unchangedFilesGiveAnUpToDateReportAndNoNewGeneration() throws IOException {
        String createdAt;
        try (KnowledgeIndex before = KnowledgeIndex.open(indexDir)) {
            createdAt = before.manifest().createdAt();
        }
        // A newer modification time alone is no change: files are compared by content.
        for (String f : FILES) {
            Files.setLastModifiedTime(corpus.resolve(f), FileTime.from(Instant.now().plusSeconds(60)));
        }
        BuildReport again = IndexTestSupport.build(corpus, indexDir);

        assertThat(again.upToDate()).isTrue();
        assertThat(again.files()).isEqualTo(FILES.size());
        assertThat(again.filesReused()).isEqualTo(FILES.size());
        assertThat(again.filesEmbedded()).isZero();
        assertThat(again.filesRemoved()).isZero();
        assertThat(again.chunks()).isEqualTo(first.chunks());
        assertThat(again.chunksEmbedded()).isZero();
        assertThat(again.windowsEmbedded()).isZero();
        assertThat(again.generation()).isEqualTo(first.generation());
        assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000001");
        assertThat(IndexTestSupport.partials(indexDir)).isEmpty();
        assertThat(IndexTestSupport.currentPointer(indexDir)).isEqualTo("gen-000001");
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            assertThat(after.manifest().createdAt()).isEqualTo(createdAt);
        }
    }

    @Test
    void aChangedFileIsTheOnlyOneEmbeddedAgain() throws IOException {
        List<float[]> whoamiBefore;
        List<StoredChunk> whoamiChunksBefore;
        try (KnowledgeIndex before = KnowledgeIndex.open(indexDir)) {
            assertThat(allChunkTexts(before)).anyMatch(t -> t.contains(OLD_SENTENCE));
            whoamiChunksBefore = IndexTestSupport.chunksOf(before, "commands/npm-whoami.md");
            whoamiBefore = new ArrayList<>();
            for (StoredChunk sc : whoamiChunksBefore) {
                whoamiBefore.addAll(IndexTestSupport.vectorsOf(before, sc.id()));
            }
        }
        Path ping = corpus.resolve("commands/npm-ping.md");
        String text = Files.readString(ping);
        assertThat(text).contains(OLD_SENTENCE);
        Files.writeString(ping, text.replace(OLD_SENTENCE, NEW_SENTENCE));

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            IndexManifest.FileEntry pingEntry = IndexTestSupport.entry(after, "commands/npm-ping.md");
            int pingWindows = IndexTestSupport.chunksOf(after, "commands/npm-ping.md").stream()
                    .mapToInt(StoredChunk::windowCount).sum();
            assertThat(update.upToDate()).isFalse();
            assertThat(update.filesEmbedded()).isEqualTo(1);
            assertThat(update.filesReused()).isEqualTo(FILES.size() - 1);
            assertThat(update.filesRemoved()).isZero();
            assertThat(update.chunksEmbedded()).isEqualTo(pingEntry.chunkCount());
            assertThat(update.windowsEmbedded()).isEqualTo(pingWindows);
            assertThat(update.chunks()).isEqualTo(after.manifest().counts().chunks());
            assertThat(pingEntry.sha256()).isEqualTo(KnowledgeIndex.sha256(ping));

            assertThat(after.generation().getFileName()).hasToString("gen-000002");
            assertThat(IndexTestSupport.currentPointer(indexDir)).isEqualTo("gen-000002");
            assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000001", "gen-000002");
            assertThat(after.verify()).isEmpty();

            // The unchanged file's chunks and vectors are carried over bit for bit.
            List<StoredChunk> whoamiChunksAfter = IndexTestSupport.chunksOf(after, "commands/npm-whoami.md");
            assertThat(whoamiChunksAfter).extracting(StoredChunk::chunk)
                    .containsExactlyElementsOf(whoamiChunksBefore.stream().map(StoredChunk::chunk).toList());
            List<float[]> whoamiAfter = new ArrayList<>();
            for (StoredChunk sc : whoamiChunksAfter) {
                whoamiAfter.addAll(IndexTestSupport.vectorsOf(after, sc.id()));
            }
            assertBitwiseEqual(whoamiAfter, whoamiBefore);

            // The new text is found, the old is gone.
            assertThat(allChunkTexts(after)).noneMatch(t -> t.contains(OLD_SENTENCE));
            Searcher searcher = new Searcher(after, IndexTestSupport.embedder());
            List<SearchHit> kw = searcher.search(SearchRequest.builder("lighthouse heartbeat").mode(SearchMode.KEYWORD).build());
            assertThat(kw).isNotEmpty();
            assertThat(kw.get(0).file()).isEqualTo("commands/npm-ping.md");
            assertThat(kw.get(0).text()).contains(NEW_SENTENCE);
            List<SearchHit> dense = searcher.search(SearchRequest.builder(
                    "what is printed when the registry answers slower than the heartbeat budget").mode(SearchMode.DENSE).build());
            assertThat(dense.get(0).file()).isEqualTo("commands/npm-ping.md");
            assertThat(dense.get(0).text()).contains(NEW_SENTENCE);
            for (SearchMode mode : SearchMode.values()) {
                assertThat(searcher.search(SearchRequest.builder("verify authentication").mode(mode).topK(20).build()))
                        .noneMatch(h -> h.text().contains(OLD_SENTENCE));
            }
        }
    }

    @Test
    void aDeletedFileDisappearsFromManifestAndResults() throws IOException {
        int starsChunks;
        try (KnowledgeIndex before = KnowledgeIndex.open(indexDir)) {
            starsChunks = IndexTestSupport.entry(before, "commands/npm-stars.md").chunkCount();
            assertThat(new Searcher(before, IndexTestSupport.embedder())
                    .search(SearchRequest.builder("find the packages I starred").mode(SearchMode.KEYWORD).build()))
                    .anyMatch(h -> h.file().equals("commands/npm-stars.md"));
        }
        Files.delete(corpus.resolve("commands/npm-stars.md"));

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.upToDate()).isFalse();
        assertThat(update.files()).isEqualTo(FILES.size() - 1);
        assertThat(update.filesRemoved()).isEqualTo(1);
        assertThat(update.filesReused()).isEqualTo(FILES.size() - 1);
        assertThat(update.filesEmbedded()).isZero();
        assertThat(update.chunksEmbedded()).isZero();
        assertThat(update.chunks()).isEqualTo(first.chunks() - starsChunks);
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            assertThat(after.fileNames()).doesNotContain("commands/npm-stars.md").hasSize(FILES.size() - 1);
            assertThat(after.manifest().files()).extracting(IndexManifest.FileEntry::file).doesNotContain("commands/npm-stars.md");
            assertThat(after.manifest().counts().files()).isEqualTo(FILES.size() - 1);
            assertThat(after.manifest().counts().chunks()).isEqualTo(after.chunks().size());
            int live = 0;
            for (int w = 0; w < after.vectors().size(); w++) {
                live += after.vectors().chunkOf(w) >= 0 ? 1 : 0;
            }
            assertThat(after.manifest().counts().windows()).isEqualTo(live);
            Searcher searcher = new Searcher(after, IndexTestSupport.embedder());
            for (SearchMode mode : SearchMode.values()) {
                assertThat(searcher.search(SearchRequest.builder("find the packages I starred, my friend's favorite packages")
                        .mode(mode).topK(50).build()))
                        .as("%s results", mode)
                        .noneMatch(h -> h.file().equals("commands/npm-stars.md"));
            }
            for (int id = 0; id < after.chunks().size(); id++) {
                assertThat(after.chunks().get(id).chunk().text()).doesNotContain("If you have starred a lot of neat things");
            }
        }
    }

    @Test
    void anAddedFileIsEmbeddedAndFound() throws IOException {
        IndexTestSupport.copyNpmDocs(corpus, "commands/npm-logout.md");

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            IndexManifest.FileEntry added = IndexTestSupport.entry(after, "commands/npm-logout.md");
            assertThat(update.files()).isEqualTo(FILES.size() + 1);
            assertThat(update.filesEmbedded()).isEqualTo(1);
            assertThat(update.filesReused()).isEqualTo(FILES.size());
            assertThat(update.filesRemoved()).isZero();
            assertThat(update.chunksEmbedded()).isEqualTo(added.chunkCount());
            assertThat(update.chunks()).isEqualTo(first.chunks() + added.chunkCount());
            List<SearchHit> hits = new Searcher(after, IndexTestSupport.embedder())
                    .search(SearchRequest.builder("sign out and invalidate my auth token").build());
            assertThat(hits.get(0).file()).isEqualTo("commands/npm-logout.md");
            for (StoredChunk sc : IndexTestSupport.chunksOf(after, "commands/npm-logout.md")) {
                SourceChecks.assertChunkMatchesFile(corpus, sc.chunk());
            }
        }
    }

    @Test
    void aRenamedFileIsReusedUnderItsNewName() throws IOException {
        List<dev.athenaeum.chunking.Chunk> chunksBefore;
        List<float[]> vectorsBefore = new ArrayList<>();
        try (KnowledgeIndex before = KnowledgeIndex.open(indexDir)) {
            List<StoredChunk> root = IndexTestSupport.chunksOf(before, "commands/npm-root.md");
            chunksBefore = root.stream().map(StoredChunk::chunk).toList();
            for (StoredChunk sc : root) {
                vectorsBefore.addAll(IndexTestSupport.vectorsOf(before, sc.id()));
            }
        }
        Path renamed = corpus.resolve("moved/where-node-modules-live.md");
        Files.createDirectories(renamed.getParent());
        Files.move(corpus.resolve("commands/npm-root.md"), renamed);

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.upToDate()).isFalse();
        assertThat(update.files()).isEqualTo(FILES.size());
        assertThat(update.filesReused()).isEqualTo(FILES.size());
        assertThat(update.filesEmbedded()).isZero();
        assertThat(update.chunksEmbedded()).isZero();
        assertThat(update.windowsEmbedded()).isZero();
        assertThat(update.filesRemoved()).as("the old name is gone").isEqualTo(1);
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            assertThat(after.fileNames()).contains("moved/where-node-modules-live.md").doesNotContain("commands/npm-root.md");
            List<StoredChunk> moved = IndexTestSupport.chunksOf(after, "moved/where-node-modules-live.md");
            assertThat(moved).hasSameSizeAs(chunksBefore);
            List<float[]> vectorsAfter = new ArrayList<>();
            for (int i = 0; i < moved.size(); i++) {
                dev.athenaeum.chunking.Chunk c = moved.get(i).chunk();
                dev.athenaeum.chunking.Chunk old = chunksBefore.get(i);
                assertThat(c.file()).isEqualTo("moved/where-node-modules-live.md");
                assertThat(c.text()).isEqualTo(old.text());
                assertThat(c.headings()).isEqualTo(old.headings());
                assertThat(c.startLine()).isEqualTo(old.startLine());
                assertThat(c.endLine()).isEqualTo(old.endLine());
                assertThat(c.tokens()).isEqualTo(old.tokens());
                SourceChecks.assertChunkMatchesFile(corpus, c);
                vectorsAfter.addAll(IndexTestSupport.vectorsOf(after, moved.get(i).id()));
            }
            assertBitwiseEqual(vectorsAfter, vectorsBefore);
            Searcher searcher = new Searcher(after, IndexTestSupport.embedder());
            for (SearchMode mode : SearchMode.values()) {
                List<SearchHit> hits = searcher.search(SearchRequest.builder("print the effective node_modules folder")
                        .mode(mode).topK(3).build());
                assertThat(hits.get(0).file()).as("%s mode", mode).isEqualTo("moved/where-node-modules-live.md");
                assertThat(searcher.search(SearchRequest.builder("print the effective node_modules folder")
                        .mode(mode).pathGlob("moved/**").build()))
                        .isNotEmpty().allMatch(h -> h.file().equals("moved/where-node-modules-live.md"));
            }
        }
        // And nothing further changed: the next run is up to date.
        assertThat(IndexTestSupport.build(corpus, indexDir).upToDate()).isTrue();
    }

    @Test
    void aCopiedFileReusesTheVectorsOfItsTwin() throws IOException {
        Files.copy(corpus.resolve("commands/npm-help.md"), corpus.resolve("help-copy.md"));

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.files()).isEqualTo(FILES.size() + 1);
        assertThat(update.filesEmbedded()).isZero();
        assertThat(update.chunksEmbedded()).isZero();
        assertThat(update.filesReused()).isEqualTo(FILES.size() + 1);
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            List<StoredChunk> original = IndexTestSupport.chunksOf(after, "commands/npm-help.md");
            List<StoredChunk> copy = IndexTestSupport.chunksOf(after, "help-copy.md");
            assertThat(copy).hasSameSizeAs(original);
            for (int i = 0; i < copy.size(); i++) {
                assertThat(copy.get(i).chunk().text()).isEqualTo(original.get(i).chunk().text());
                assertBitwiseEqual(IndexTestSupport.vectorsOf(after, copy.get(i).id()),
                        IndexTestSupport.vectorsOf(after, original.get(i).id()));
            }
        }
    }

    @Test
    void aFileThatBecomesEmptyIsRemovedAndReportedAsSkipped() throws IOException {
        Files.writeString(corpus.resolve("commands/npm-edit.md"), "");

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.files()).isEqualTo(FILES.size() - 1);
        assertThat(update.filesRemoved()).isEqualTo(1);
        assertThat(update.skipped()).extracting(s -> s.file() + ": " + s.reason())
                .containsExactly("commands/npm-edit.md: empty file");
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            assertThat(after.fileNames()).doesNotContain("commands/npm-edit.md");
            assertThat(after.manifest().skipped()).extracting(s -> s.file()).containsExactly("commands/npm-edit.md");
            assertThat(after.manifest().counts().skipped()).isEqualTo(1);
        }
    }

    @Test
    void newlySkippedFilesAndChangedScanOptionsReachTheManifest() throws IOException {
        Files.writeString(corpus.resolve("empty.md"), "");
        Files.write(corpus.resolve("binary.md"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3});

        BuildReport withSkipped = IndexTestSupport.build(corpus, indexDir);

        assertThat(withSkipped.filesEmbedded()).isZero();
        assertThat(withSkipped.skipped()).extracting(s -> s.file() + ": " + s.reason())
                .containsExactly("binary.md: binary file, not text", "empty.md: empty file");
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            assertThat(after.manifest().skipped()).isEqualTo(withSkipped.skipped());
            assertThat(after.manifest().counts().skipped()).isEqualTo(2);
        }
        assertThat(IndexTestSupport.build(corpus, indexDir).upToDate()).as("nothing changed since").isTrue();

        // Scan options that select the same files are still recorded: later updates scan by them.
        BuildRequest narrower = new BuildRequest(
                dev.athenaeum.corpus.ScanOptions.builder().root(corpus).exclude(List.of("drafts")).build(),
                ChunkSettings.DEFAULT, indexDir, false);
        BuildReport rescoped = new IndexBuilder(IndexTestSupport.embedder()).build(narrower, ProgressListener.NONE,
                Cancellation.none());
        assertThat(rescoped.chunksEmbedded()).isZero();
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            assertThat(after.manifest().sources().exclude()).contains("drafts");
        }
    }

    @Test
    void changingTheChunkSettingsRechunksAndReembedsEverything() throws IOException {
        BuildReport smaller = IndexTestSupport.build(corpus, indexDir, ChunkSettings.of(96, 16));

        assertThat(smaller.upToDate()).isFalse();
        assertThat(smaller.filesReused()).isZero();
        assertThat(smaller.filesEmbedded()).isEqualTo(FILES.size());
        assertThat(smaller.chunksEmbedded()).isEqualTo(smaller.chunks());
        assertThat(smaller.chunks()).isGreaterThan(first.chunks());
        try (KnowledgeIndex after = KnowledgeIndex.open(indexDir)) {
            assertThat(after.manifest().chunking()).isEqualTo(new IndexManifest.Chunking(96, 16));
            for (int id = 0; id < after.chunks().size(); id++) {
                dev.athenaeum.chunking.Chunk c = after.chunks().get(id).chunk();
                assertThat(c.tokens()).isLessThanOrEqualTo(96);
                SourceChecks.assertChunkMatchesFile(corpus, c);
            }
        }
        // The same settings again: nothing to do.
        assertThat(IndexTestSupport.build(corpus, indexDir, ChunkSettings.of(96, 16)).upToDate()).isTrue();
        // Only the overlap changes: chunks may differ, so everything is chunked and embedded again.
        BuildReport overlap = IndexTestSupport.build(corpus, indexDir, ChunkSettings.of(96, 0));
        assertThat(overlap.upToDate()).isFalse();
        assertThat(overlap.filesReused()).isZero();
        assertThat(overlap.chunksEmbedded()).isEqualTo(overlap.chunks());
    }

    @Test
    void rebuildEmbedsEverythingEvenWhenNothingChanged() throws IOException {
        BuildRequest rebuild = new BuildRequest(IndexTestSupport.scan(corpus), ChunkSettings.DEFAULT, indexDir, true);
        BuildReport report = new IndexBuilder(IndexTestSupport.embedder()).build(rebuild, ProgressListener.NONE, Cancellation.none());
        assertThat(report.upToDate()).isFalse();
        assertThat(report.filesReused()).isZero();
        assertThat(report.chunksEmbedded()).isEqualTo(first.chunks());
        assertThat(report.generation().getFileName()).hasToString("gen-000002");
    }

    @Test
    void onlyTheLiveAndThePreviousGenerationAreKept() throws IOException {
        Path ping = corpus.resolve("commands/npm-ping.md");
        for (int i = 1; i <= 3; i++) {
            Files.writeString(ping, "\nEdit number " + i + ".\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            BuildReport r = IndexTestSupport.build(corpus, indexDir);
            assertThat(r.filesEmbedded()).isEqualTo(1);
        }
        assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000003", "gen-000004");
        assertThat(IndexTestSupport.currentPointer(indexDir)).isEqualTo("gen-000004");
        assertThat(IndexTestSupport.partials(indexDir)).isEmpty();
        try (KnowledgeIndex live = KnowledgeIndex.open(indexDir)) {
            assertThat(allChunkTexts(live)).anyMatch(t -> t.contains("Edit number 3."));
        }
    }

    @Test
    void anIndexOfAnotherModelIsNotUpdatedWithThisOne() throws IOException {
        Path gen = indexDir.resolve("gen-000001");
        Path manifest = gen.resolve(IndexLayout.MANIFEST);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(manifest.toFile());
        ((ObjectNode) tree.get("embedding")).put("model", "ollama:nomic-embed-text");
        json.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), tree);
        Files.writeString(corpus.resolve("commands/npm-ping.md"), "\nOne more line.\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        for (int attempt = 0; attempt < 2; attempt++) {
            // Twice: the refused build must not leave its lock behind.
            assertThatThrownBy(() -> IndexTestSupport.build(corpus, indexDir))
                    .isInstanceOf(IndexFormatException.class)
                    .hasMessageContaining("built with the embedding model ollama:nomic-embed-text")
                    .hasMessageContaining("not all-minilm-l6-v2-q")
                    .hasMessageContaining("rebuild");
        }
        assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000001");
        assertThat(IndexTestSupport.partials(indexDir)).isEmpty();

        try (KnowledgeIndex other = KnowledgeIndex.open(indexDir)) {
            assertThat(other.manifest().embedding().model()).isEqualTo("ollama:nomic-embed-text");
            assertThatThrownBy(() -> new Searcher(other, IndexTestSupport.embedder()))
                    .isInstanceOf(IndexFormatException.class)
                    .hasMessageContaining("ollama:nomic-embed-text")
                    .hasMessageContaining("all-minilm-l6-v2-q");
        }

        BuildRequest rebuild = new BuildRequest(IndexTestSupport.scan(corpus), ChunkSettings.DEFAULT, indexDir, true);
        BuildReport report = new IndexBuilder(IndexTestSupport.embedder()).build(rebuild, ProgressListener.NONE, Cancellation.none());
        assertThat(report.filesEmbedded()).isEqualTo(FILES.size());
        try (KnowledgeIndex rebuilt = KnowledgeIndex.open(indexDir)) {
            assertThat(rebuilt.manifest().embedding().model()).isEqualTo("all-minilm-l6-v2-q");
        }
    }

    private static List<String> allChunkTexts(KnowledgeIndex index) {
        List<String> out = new ArrayList<>();
        for (int id = 0; id < index.chunks().size(); id++) {
            out.add(index.chunks().get(id).chunk().text());
        }
        return out;
    }

    private static void assertBitwiseEqual(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected).isNotEmpty();
        for (int i = 0; i < actual.size(); i++) {
            int[] a = bits(actual.get(i));
            int[] e = bits(expected.get(i));
            assertThat(a).as("raw bits of window vector %d", i).isEqualTo(e);
        }
    }

    private static int[] bits(float[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Float.floatToRawIntBits(v[i]);
        }
        return out;
    }
}
