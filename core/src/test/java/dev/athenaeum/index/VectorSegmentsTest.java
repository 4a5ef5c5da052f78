package dev.athenaeum.index;

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
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Updates add a vector segment for what they embedded and keep earlier segments as they are (shared with the
 * previous generation, not rewritten); windows of changed or deleted files go dead; when too many are dead, or
 * segments pile up, the next build merges everything into one segment without embedding anything again.
 */
class VectorSegmentsTest {

    static final String[] FILES = {"commands/npm-ping.md", "commands/npm-root.md", "commands/npm-whoami.md",
            "commands/npm-prefix.md", "commands/npm-edit.md", "commands/npm-explore.md", "commands/npm-help.md",
            "commands/npm-stars.md", "commands/npm-logout.md", "commands/npm-docs.md"};

    @TempDir
    Path tmp;

    Path corpus;
    Path indexDir;

    @BeforeEach
    void build() throws IOException {
        corpus = IndexTestSupport.copyNpmDocs(tmp.resolve("docs"), FILES);
        indexDir = tmp.resolve("index");
        IndexTestSupport.build(corpus, indexDir);
    }

    @Test
    void anUpdateAddsASegmentAndSharesTheOldOne() throws IOException {
        Path before;
        int windowsBefore;
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            before = index.generation();
            windowsBefore = index.vectors().size();
        }
        append("commands/npm-ping.md", "\n### Slow registries\n\nWhen the registry takes longer than ten seconds to"
                + " answer, ping reports the delay and suggests checking the proxy settings.\n");

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.filesEmbedded()).isEqualTo(1);
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            List<IndexManifest.Segment> segments = index.manifest().segments();
            assertThat(segments).extracting(IndexManifest.Segment::name).containsExactly("seg-000001", "seg-000002");
            assertThat(segments.get(1).windows()).isEqualTo(update.windowsEmbedded());
            assertThat(index.vectors().segmentCount()).isEqualTo(2);
            assertThat(index.vectors().size()).isEqualTo(windowsBefore + update.windowsEmbedded());
            // The first segment is the previous generation's file, not a rewritten copy.
            assertThat(Files.isSameFile(index.generation().resolve(IndexTestSupport.SEGMENT), before.resolve(IndexTestSupport.SEGMENT)))
                    .isTrue();
            assertThat(index.manifest().checksums().get(IndexTestSupport.SEGMENT)).isNotNull();
            assertThat(index.verify()).isEmpty();
            assertLiveWindowsBelongToTheirChunks(index);
            SearchHit top = dense(index, "ping is slow because the registry answers late; check the proxy");
            assertThat(top.file()).isEqualTo("commands/npm-ping.md");
            assertThat(top.text()).contains("Slow registries");
        }
    }

    @Test
    void windowsOfAChangedFileGoDeadAndAreNeverReturned() throws IOException {
        Path ping = corpus.resolve("commands/npm-ping.md");
        Files.writeString(ping, Files.readString(ping).replace("Ping the configured or given npm registry and verify authentication.",
                "Send a heartbeat to the registry; a missing reply means the network or the proxy is down."));
        IndexTestSupport.build(corpus, indexDir);

        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            int dead = 0;
            for (int w = 0; w < index.vectors().size(); w++) {
                dead += index.vectors().chunkOf(w) < 0 ? 1 : 0;
            }
            assertThat(dead).isPositive();
            assertThat(index.manifest().counts().windows()).isEqualTo(index.vectors().size() - dead);
            Searcher searcher = new Searcher(index, IndexTestSupport.embedder());
            for (SearchHit h : searcher.search(SearchRequest.builder("verify authentication with the registry")
                    .mode(SearchMode.DENSE).topK(20).build())) {
                assertThat(h.text()).doesNotContain("Ping the configured or given npm registry and verify authentication.");
            }
        }
    }

    @Test
    void manyChangesAreCompactedIntoOneSegmentWithoutEmbeddingAgain() throws IOException {
        // Changing most files leaves most old windows dead: the update writes one segment of everything.
        for (int i = 0; i < 6; i++) {
            append(FILES[i], "\nA closing remark for revision " + i + " of this page.\n");
        }
        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.filesEmbedded()).isEqualTo(6);
        assertThat(update.filesReused()).isEqualTo(FILES.length - 6);
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.manifest().segments()).singleElement()
                    .satisfies(s -> assertThat(s.name()).isEqualTo("seg-000002"));
            for (int w = 0; w < index.vectors().size(); w++) {
                assertThat(index.vectors().chunkOf(w)).as("window %d", w).isNotNegative();
            }
            assertLiveWindowsBelongToTheirChunks(index);
            // npm-logout was not changed: its vectors were carried into the new segment by value.
            assertThat(dense(index, "sign out and forget my registry credentials").file())
                    .isEqualTo("commands/npm-logout.md");
        }
    }

    @Test
    void segmentsPilingUpAreCompacted() throws IOException {
        for (int round = 0; round < 9; round++) {
            append("commands/npm-docs.md", "\nRound " + round + " added this line.\n");
            IndexTestSupport.build(corpus, indexDir);
            try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
                assertThat(index.vectors().segmentCount()).as("after round %d", round).isBetween(1, 8);
                assertThat(index.verify()).isEmpty();
            }
        }
    }

    @Test
    void aCopyOfAFileGetsItsOwnWindows() throws IOException {
        Files.copy(corpus.resolve("commands/npm-whoami.md"), corpus.resolve("commands/whoami-copy.md"));
        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.filesReused()).isEqualTo(FILES.length + 1);
        assertThat(update.chunksEmbedded()).isZero();
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertLiveWindowsBelongToTheirChunks(index);
            IndexManifest.FileEntry copy = IndexTestSupport.entry(index, "commands/whoami-copy.md");
            IndexManifest.FileEntry original = IndexTestSupport.entry(index, "commands/npm-whoami.md");
            StoredChunk a = index.chunks().get(copy.firstChunk());
            StoredChunk b = index.chunks().get(original.firstChunk());
            assertThat(a.firstWindow()).isNotEqualTo(b.firstWindow());
            assertThat(index.vectors().vector(a.firstWindow())).containsExactly(index.vectors().vector(b.firstWindow()));
        }
    }

    /** Every chunk's windows point back at it, and every live window belongs to a chunk that lists it. */
    private static void assertLiveWindowsBelongToTheirChunks(KnowledgeIndex index) {
        int live = 0;
        for (int id = 0; id < index.chunks().size(); id++) {
            StoredChunk sc = index.chunks().get(id);
            for (int w = sc.firstWindow(); w < sc.firstWindow() + sc.windowCount(); w++) {
                assertThat(index.vectors().chunkOf(w)).as("window %d of chunk %d", w, id).isEqualTo(id);
                live++;
            }
        }
        int owned = 0;
        for (int w = 0; w < index.vectors().size(); w++) {
            owned += index.vectors().chunkOf(w) >= 0 ? 1 : 0;
        }
        assertThat(owned).isEqualTo(live).isEqualTo(index.manifest().counts().windows());
    }

    private static SearchHit dense(KnowledgeIndex index, String query) {
        List<SearchHit> hits = new Searcher(index, IndexTestSupport.embedder())
                .search(SearchRequest.builder(query).mode(SearchMode.DENSE).topK(3).build());
        assertThat(hits).isNotEmpty();
        return hits.get(0);
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(corpus.resolve(file), text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
