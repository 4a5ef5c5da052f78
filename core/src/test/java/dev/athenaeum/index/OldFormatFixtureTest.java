package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads an index written by format version 1 and committed as a fixture ({@code fixtures/index-v1}: four npm
 * command pages, chunk size 256). If a change to the code makes this fail, the on-disk format changed: either
 * undo that, or raise {@link IndexManifest#FORMAT_VERSION}, keep reading version 1, and add a new fixture beside
 * this one. Never regenerate this fixture.
 */
class OldFormatFixtureTest {

    static final String[] FILES = {"commands/npm-logout.md", "commands/npm-ping.md", "commands/npm-root.md",
            "commands/npm-whoami.md"};
    static final ChunkSettings CHUNKING = ChunkSettings.of(256, 32);

    @TempDir
    Path tmp;
    Path indexDir;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path fixture = Path.of(OldFormatFixtureTest.class.getResource("/fixtures/index-v1/CURRENT").toURI()).getParent();
        indexDir = tmp.resolve("index-v1");
        IndexTestSupport.copyTree(fixture, indexDir);
    }

    @Test
    void opensAndVerifies() throws IOException {
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            IndexManifest m = index.manifest();
            assertThat(m.formatVersion()).isEqualTo(1);
            assertThat(m.magic()).isEqualTo("athenaeum-index");
            assertThat(index.generation().getFileName()).hasToString("gen-000001");
            assertThat(index.verify()).isEmpty();
            assertThat(m.embedding()).isEqualTo(new IndexManifest.Embedding("all-minilm-l6-v2-q", 384, 128, 1));
            assertThat(m.chunking()).isEqualTo(new IndexManifest.Chunking(256, 32));
            assertThat(m.counts()).isEqualTo(new IndexManifest.Counts(4, 17, 18, 0));
            assertThat(index.fileNames()).containsExactly(FILES);
            assertThat(index.chunks().size()).isEqualTo(17);
            assertThat(index.vectors().size()).isEqualTo(18);
            assertThat(index.vectors().dimension()).isEqualTo(384);
            for (IndexManifest.FileEntry e : m.files()) {
                assertThat(e.sha256()).as("the fixture was built from the unchanged test data: %s", e.file())
                        .isEqualTo(KnowledgeIndex.sha256(IndexTestSupport.NPM_DOCS.resolve(e.file())));
                assertThat(e.title()).isEqualTo(Path.of(e.file()).getFileName().toString().replace(".md", ""));
            }
        }
    }

    @Test
    void itsChunksAreStillTheTestDataText() throws IOException {
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            int nextWindow = 0;
            for (int id = 0; id < index.chunks().size(); id++) {
                StoredChunk sc = index.chunks().get(id);
                assertThat(sc.firstWindow()).isEqualTo(nextWindow);
                assertThat(sc.windowCount()).isBetween(1, 2);
                nextWindow += sc.windowCount();
                for (int w = sc.firstWindow(); w < nextWindow; w++) {
                    assertThat(index.vectors().chunkOf(w)).isEqualTo(id);
                }
                SourceChecks.assertChunkMatchesFile(IndexTestSupport.NPM_DOCS, sc.chunk());
            }
            assertThat(nextWindow).isEqualTo(18);
            assertThat(index.chunks().get(0).chunk().headings()).containsExactly("Synopsis");
            assertThat(index.chunks().get(0).chunk().startLine()).isEqualTo(7);
        }
    }

    @Test
    void itsVectorsAreStillInTheModelsSpace() throws IOException {
        // Each chunk, embedded now, is nearest to its own stored vector: the vectors are read correctly and belong
        // to the model this code runs. (Not bit-equal: how windows are labelled may evolve; see the README.)
        Embedder e = IndexTestSupport.embedder();
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            for (int id = 0; id < index.chunks().size(); id++) {
                StoredChunk sc = index.chunks().get(id);
                // The first window as this code would cut it (its window size may differ from the fixture's).
                float[] fresh = e.embed(IndexTestSupport.windowsOf(index, sc.chunk().file(), sc.chunk())).get(0);
                int nearest = -1;
                double best = -2;
                for (int w = 0; w < index.vectors().size(); w++) {
                    double c = IndexTestSupport.cosine(fresh, index.vectors().vector(w));
                    if (c > best) {
                        best = c;
                        nearest = w;
                    }
                }
                // With another window size the first window now spans more than the fixture's first window did, so
                // it may lie nearest to a later window of the same chunk; it must not lie nearest to another chunk.
                assertThat(nearest).as("nearest stored window to chunk %d", id)
                        .isBetween(sc.firstWindow(), sc.firstWindow() + sc.windowCount() - 1);
                assertThat(best).as("similarity of chunk %d to its stored vector", id).isGreaterThan(0.85);
            }
        }
    }

    @Test
    void keywordSearchAnswersFromIt() throws IOException {
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            Searcher searcher = new Searcher(index, null);
            assertThat(top(searcher, "effective node_modules folder", SearchMode.KEYWORD).file()).isEqualTo("commands/npm-root.md");
            SearchHit pong = top(searcher, "PONG", SearchMode.KEYWORD);
            assertThat(pong.file()).isEqualTo("commands/npm-ping.md");
            assertThat(pong.text()).contains("npm notice PONG 255ms");
            assertThat(pong.headings()).containsExactly("Description");
        }
    }

    @Test
    void denseAndHybridSearchAnswerFromIt() throws IOException {
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            Searcher searcher = new Searcher(index, IndexTestSupport.embedder());
            for (SearchMode mode : List.of(SearchMode.DENSE, SearchMode.HYBRID)) {
                assertThat(top(searcher, "show which user name I am signed in as", mode).file())
                        .as("%s", mode).isEqualTo("commands/npm-whoami.md");
                assertThat(top(searcher, "end my session and forget the auth token", mode).file())
                        .as("%s", mode).isEqualTo("commands/npm-logout.md");
                assertThat(top(searcher, "ping the registry to check that it answers", mode).file())
                        .as("%s", mode).isEqualTo("commands/npm-ping.md");
            }
        }
    }

    @Test
    void anUpdateReusesItAndBuildsOnIt() throws IOException {
        Path docs = IndexTestSupport.copyNpmDocs(tmp.resolve("docs"), FILES);
        // The fixture was built from another folder; its files are reused if this code turns chunks into model
        // input the same way (window size and text preparation), and embedded again otherwise. Either way the new
        // folder is recorded.
        boolean sameWindows = IndexTestSupport.embedder().windowTokens() == 128
                && dev.athenaeum.embedding.ChunkWindows.PREPARATION == 1;
        BuildReport moved = IndexTestSupport.build(docs, indexDir, CHUNKING);
        assertThat(moved.filesReused()).isEqualTo(sameWindows ? 4 : 0);
        assertThat(moved.chunksEmbedded()).isEqualTo(sameWindows ? 0 : moved.chunks());
        assertThat(moved.generation().getFileName()).hasToString("gen-000002");
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.manifest().sources().roots()).containsExactly(docs.toAbsolutePath().normalize().toString());
            assertThat(index.manifest().counts().files()).isEqualTo(4);
            assertThat(index.verify()).isEmpty();
        }
        assertThat(IndexTestSupport.build(docs, indexDir, CHUNKING).upToDate()).isTrue();

        Files.writeString(docs.resolve("commands/npm-ping.md"), "\n### Exit codes\n\nA failed ping exits with code 1.\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        BuildReport update = IndexTestSupport.build(docs, indexDir, CHUNKING);
        assertThat(update.upToDate()).isFalse();
        assertThat(update.filesReused()).isEqualTo(3);
        assertThat(update.filesEmbedded()).isEqualTo(1);
        assertThat(update.generation().getFileName()).hasToString("gen-000003");
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.verify()).isEmpty();
            assertThat(index.manifest().formatVersion()).isEqualTo(IndexManifest.FORMAT_VERSION);
            assertThat(top(new Searcher(index, null), "failed ping exit code", SearchMode.KEYWORD).text())
                    .contains("A failed ping exits with code 1.");
            assertThat(top(new Searcher(index, null), "effective node_modules folder", SearchMode.KEYWORD).file())
                    .isEqualTo("commands/npm-root.md");
        }
    }

    private static SearchHit top(Searcher searcher, String query, SearchMode mode) {
        List<SearchHit> hits = searcher.search(SearchRequest.builder(query).mode(mode).topK(3).build());
        assertThat(hits).as("results for '%s' (%s)", query, mode).isNotEmpty();
        return hits.get(0);
    }
}
