package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.CancelledException;
import dev.athenaeum.progress.Phase;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A build that dies or is cancelled part-way never harms the index it was replacing. Crashes are real: a child JVM
 * re-indexing into the same folder is killed with {@link Process#destroyForcibly()} at known moments; afterwards
 * the previous generation opens and answers searches, and the next build succeeds.
 */
class CrashSafetyTest {

    static final String[] V1 = {
            "commands/npm-edit.md", "commands/npm-ping.md", "commands/npm-prefix.md",
            "commands/npm-root.md", "commands/npm-stars.md", "commands/npm-whoami.md"};
    /** Added for v2 when the child must get through embedding quickly (the writing kills). */
    static final String[] V2_SMALL = {"commands/npm-logout.md", "commands/npm-deprecate.md"};
    /** Added for v2 when the child is killed while embedding: enough text to keep the model busy for a while. */
    static final String[] V2_LARGE = {"commands/npm-audit.md", "commands/npm-ci.md"};

    /** v1 is built once; each test gets its own copy of the index folder. */
    @TempDir
    static Path shared;
    static Path v1;
    static Path v1Index;
    static IndexManifest.Counts v1Counts;

    @TempDir
    Path tmp;

    Path indexDir;

    @BeforeAll
    static void buildV1() throws IOException {
        v1 = IndexTestSupport.copyNpmDocs(shared.resolve("v1"), V1);
        v1Index = shared.resolve("index");
        IndexTestSupport.build(v1, v1Index);
        try (KnowledgeIndex index = KnowledgeIndex.open(v1Index)) {
            v1Counts = index.manifest().counts();
        }
        assertThat(v1Counts.files()).isEqualTo(V1.length);
    }

    @BeforeEach
    void copyV1() throws IOException {
        indexDir = tmp.resolve("index");
        IndexTestSupport.copyTree(v1Index, indexDir);
    }

    private Path v2(String... extra) throws IOException {
        Path v2 = IndexTestSupport.copyNpmDocs(tmp.resolve("v2"), V1);
        IndexTestSupport.copyNpmDocs(v2, extra);
        Path ping = v2.resolve("commands/npm-ping.md");
        Files.writeString(ping, Files.readString(ping) + "\n### Changed in v2\n\nThis section exists only in v2.\n");
        return v2;
    }

    @Test
    void killedWhileEmbedding() throws Exception {
        Path v2 = v2(V2_LARGE);
        try (ChildBuild child = ChildBuild.start(v2, indexDir, null, 0)) {
            child.awaitPhase("EMBEDDING");
            child.kill();
            assertThat(child.output()).doesNotContain("PROGRESS WRITING", "BUILT");
        }
        assertV1IsLive();
        assertNextBuildSucceeds(v2, V1.length + V2_LARGE.length);
    }

    @Test
    void killedWhileWritingTheNewGeneration() throws Exception {
        Path v2 = v2(V2_SMALL);
        try (ChildBuild child = ChildBuild.start(v2, indexDir, "WRITING", 1)) {
            child.awaitPaused();
            // The chunk store and keyword index of the new generation are on disk; vectors, graph and manifest not.
            Path partial = indexDir.resolve("gen-000002.partial");
            assertThat(partial.resolve(IndexLayout.CHUNKS)).isRegularFile();
            assertThat(partial.resolve(IndexLayout.MANIFEST)).doesNotExist();
            child.kill();
        }
        assertThat(IndexTestSupport.partials(indexDir)).containsExactly("gen-000002.partial");
        assertV1IsLive();

        // An update that finds nothing changed still clears what the dead build left behind.
        BuildReport same = IndexTestSupport.build(v1, indexDir);
        assertThat(same.upToDate()).isTrue();
        assertThat(IndexTestSupport.partials(indexDir)).as("leftovers of the killed build").isEmpty();

        assertNextBuildSucceeds(v2, V1.length + V2_SMALL.length);
    }

    @Test
    void killedAfterTheManifestWasWrittenButBeforeTheSwitch() throws Exception {
        Path v2 = v2(V2_SMALL);
        try (ChildBuild child = ChildBuild.start(v2, indexDir, "WRITING", 4)) {
            child.awaitPaused();
            // The new generation is complete, only not yet renamed and pointed to.
            assertThat(indexDir.resolve("gen-000002.partial").resolve(IndexLayout.MANIFEST)).isRegularFile();
            child.kill();
        }
        assertV1IsLive();
        assertNextBuildSucceeds(v2, V1.length + V2_SMALL.length);
    }

    @Test
    void killedDuringTheVeryFirstBuild() throws Exception {
        Path fresh = tmp.resolve("fresh-index");
        try (ChildBuild child = ChildBuild.start(v1, fresh, "WRITING", 2)) {
            child.awaitPaused();
            child.kill();
        }
        assertThat(IndexTestSupport.partials(fresh)).containsExactly("gen-000001.partial");
        assertThatThrownBy(() -> KnowledgeIndex.open(fresh))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("no index at");
        BuildReport report = IndexTestSupport.build(v1, fresh);
        assertThat(report.generation().getFileName()).hasToString("gen-000001");
        assertThat(IndexTestSupport.partials(fresh)).isEmpty();
        try (KnowledgeIndex index = KnowledgeIndex.open(fresh)) {
            assertThat(index.manifest().counts()).isEqualTo(v1Counts);
            assertThat(index.verify()).isEmpty();
        }
    }

    @Test
    void aChildBuildThatIsNotKilledCompletes() throws Exception {
        // The harness itself works: left alone, the child builds v2 and the parent sees it.
        Path v2 = v2(V2_SMALL);
        try (ChildBuild child = ChildBuild.start(v2, indexDir, null, 0)) {
            assertThat(child.await(l -> l.startsWith("BUILT "), "BUILT")).isEqualTo("BUILT gen-000002");
            assertThat(child.awaitExit()).isZero();
        }
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.manifest().counts().files()).isEqualTo(V1.length + V2_SMALL.length);
        }
    }

    @ParameterizedTest(name = "cancelled at {0} {1}")
    @CsvSource({"SCANNING, 0", "CHUNKING, 0", "EMBEDDING, 0", "WRITING, 0", "WRITING, 2", "WRITING, 3", "WRITING, 4"})
    void cancellationLeavesThePreviousGenerationLive(Phase phase, long step) throws Exception {
        Path v2 = v2(V2_SMALL);
        Cancellation cancel = new Cancellation();
        AtomicBoolean reached = new AtomicBoolean();
        ProgressListener listener = p -> {
            if (p.phase() == phase && p.done() >= step) {
                reached.set(true);
                cancel.cancel();
            }
        };
        IndexBuilder builder = new IndexBuilder(IndexTestSupport.embedder());
        assertThatThrownBy(() -> builder.build(IndexTestSupport.request(v2, indexDir, ChunkSettings.DEFAULT), listener, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(reached).as("the build got to %s %d before it was cancelled", phase, step).isTrue();
        assertThat(IndexTestSupport.partials(indexDir)).isEmpty();
        assertV1IsLive();
        assertNextBuildSucceeds(v2, V1.length + V2_SMALL.length);
    }

    /**
     * As the workbench closes during a build: the build is cancelled and its model closed at once, so the batch under
     * way fails. The build reports the cancel, not that failure, and the previous index stays live.
     */
    @Test
    void aModelClosedRightAfterACancelStillEndsTheBuildAsCancelled() throws Exception {
        Path v2 = v2(V2_LARGE);
        Embedder model = EmbeddingModels.open(EmbeddingModels.DEFAULT, EmbeddingOptions.fromEnvironment());
        Cancellation cancel = new Cancellation();
        AtomicBoolean closed = new AtomicBoolean();
        // From another thread while the build waits for its first batches, as the window closes on the UI thread.
        ProgressListener listener = p -> {
            if (p.phase() == Phase.EMBEDDING && p.total() > 0 && closed.compareAndSet(false, true)) {
                Thread.ofPlatform().start(() -> {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    cancel.cancel();
                    model.close();
                });
            }
        };

        assertThatThrownBy(() -> new IndexBuilder(model).build(
                IndexTestSupport.request(v2, indexDir, ChunkSettings.DEFAULT), listener, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(closed).isTrue();
        assertThat(IndexTestSupport.partials(indexDir)).isEmpty();
        assertV1IsLive();
    }

    @Test
    void cancellingTheFirstBuildLeavesNoIndex() throws IOException {
        Path fresh = tmp.resolve("fresh-index");
        Cancellation cancel = new Cancellation();
        assertThatThrownBy(() -> new IndexBuilder(IndexTestSupport.embedder()).build(
                IndexTestSupport.request(v1, fresh, ChunkSettings.DEFAULT),
                p -> {
                    if (p.phase() == Phase.WRITING && p.done() == 2) {
                        cancel.cancel();
                    }
                }, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(IndexTestSupport.partials(fresh)).isEmpty();
        assertThat(IndexTestSupport.generations(fresh)).isEmpty();
        assertThatThrownBy(() -> KnowledgeIndex.open(fresh)).isInstanceOf(IndexFormatException.class);
    }

    /** The folder still serves v1: same generation, same counts, intact files, and searches answer from it. */
    private void assertV1IsLive() throws IOException {
        assertThat(IndexTestSupport.currentPointer(indexDir)).isEqualTo("gen-000001");
        assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000001");
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.generation().getFileName()).hasToString("gen-000001");
            assertThat(index.manifest().counts()).isEqualTo(v1Counts);
            assertThat(index.fileNames()).containsExactly(V1);
            assertThat(index.verify()).isEmpty();
            Searcher searcher = new Searcher(index, IndexTestSupport.embedder());
            for (SearchMode mode : SearchMode.values()) {
                List<SearchHit> hits = searcher.search(SearchRequest.builder("print the effective node_modules folder")
                        .mode(mode).topK(3).build());
                assertThat(hits).isNotEmpty();
                assertThat(hits.get(0).file()).as("%s search of v1", mode).isEqualTo("commands/npm-root.md");
            }
            assertThat(searcher.search(SearchRequest.builder("This section exists only in v2").mode(SearchMode.KEYWORD)
                    .topK(20).build())).noneMatch(h -> h.text().contains("only in v2"));
        }
    }

    /** The lock of the dead or cancelled build is gone and its leftovers do not get in the way. */
    private void assertNextBuildSucceeds(Path v2, int files) throws IOException {
        BuildReport report = IndexTestSupport.build(v2, indexDir);
        assertThat(report.upToDate()).isFalse();
        assertThat(report.files()).isEqualTo(files);
        assertThat(report.generation().getFileName()).hasToString("gen-000002");
        assertThat(IndexTestSupport.partials(indexDir)).isEmpty();
        assertThat(IndexTestSupport.currentPointer(indexDir)).isEqualTo("gen-000002");
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.manifest().counts().files()).isEqualTo(files);
            assertThat(index.verify()).isEmpty();
            List<SearchHit> hits = new Searcher(index, IndexTestSupport.embedder())
                    .search(SearchRequest.builder("This section exists only in v2").mode(SearchMode.KEYWORD).build());
            assertThat(hits.get(0).text()).contains("This section exists only in v2.");
        }
    }
}
