package dev.athenaeum.index;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.corpus.DocumentLoader;
import dev.athenaeum.corpus.ScanOptions;
import dev.athenaeum.embedding.Embedder;
import dev.athenaeum.embedding.EmbeddingModels;
import dev.athenaeum.embedding.EmbeddingOptions;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.IndexProgress;
import dev.athenaeum.progress.Phase;
import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Builds one index over a 13-file subset of the npm documentation with the real model and checks what it holds
 * (manifest, file entries, chunks, vectors) against the files themselves, then searches it in every mode.
 */
class IndexBuildAndSearchTest {

    static final List<String> FILES = List.of(
            "commands/npm-cache.md",
            "commands/npm-deprecate.md",
            "commands/npm-login.md",
            "commands/npm-logout.md",
            "commands/npm-prune.md",
            "commands/npm-uninstall.md",
            "commands/npm-version.md",
            "configuring-npm/folders.md",
            "configuring-npm/npmrc.md",
            "using-npm/orgs.md",
            "using-npm/removal.md",
            "using-npm/scope.md",
            "using-npm/workspaces.md");

    @TempDir
    static Path tmp;

    static Path corpus;
    static Path indexDir;
    static BuildReport report;
    static KnowledgeIndex index;
    static Searcher searcher;
    static final List<IndexProgress> progress = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void buildOnce() throws IOException {
        corpus = IndexTestSupport.copyNpmDocs(tmp.resolve("docs"), FILES.toArray(String[]::new));
        indexDir = tmp.resolve("index");
        report = new IndexBuilder(IndexTestSupport.embedder()).build(
                IndexTestSupport.request(corpus, indexDir, ChunkSettings.DEFAULT), progress::add, Cancellation.none());
        index = KnowledgeIndex.open(indexDir);
        searcher = new Searcher(index, IndexTestSupport.embedder());
    }

    @AfterAll
    static void close() throws IOException {
        if (index != null) {
            index.close();
        }
    }

    // ---------------------------------------------------------------- what was built

    @Test
    void reportAccountsForEveryFileChunkAndWindow() throws IOException {
        long bytes = 0;
        for (String f : FILES) {
            bytes += Files.size(corpus.resolve(f));
        }
        assertThat(report.files()).isEqualTo(FILES.size());
        assertThat(report.filesEmbedded()).isEqualTo(FILES.size());
        assertThat(report.filesReused()).isZero();
        assertThat(report.filesRemoved()).isZero();
        assertThat(report.skipped()).isEmpty();
        assertThat(report.notes()).isEmpty();
        assertThat(report.bytesRead()).isEqualTo(bytes);
        assertThat(report.upToDate()).isFalse();
        assertThat(report.chunks()).isEqualTo(index.manifest().counts().chunks());
        assertThat(report.chunksEmbedded()).isEqualTo(report.chunks());
        assertThat(report.windowsEmbedded()).isEqualTo(index.manifest().counts().windows())
                .isGreaterThanOrEqualTo(report.chunks());
        assertThat(report.generation()).isEqualTo(index.generation());
        assertThat(index.generation().getFileName()).hasToString("gen-000001");
        assertThat(IndexTestSupport.currentPointer(indexDir)).isEqualTo("gen-000001");
        assertThat(IndexTestSupport.partials(indexDir)).isEmpty();
    }

    @Test
    void progressGoesThroughEveryPhaseInOrder() {
        List<IndexProgress> events = List.copyOf(progress);
        assertThat(events.stream().map(IndexProgress::phase).distinct())
                .containsExactly(Phase.SCANNING, Phase.CHUNKING, Phase.EMBEDDING, Phase.WRITING, Phase.DONE);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).phase().ordinal()).as("phases never go back")
                    .isGreaterThanOrEqualTo(events.get(i - 1).phase().ordinal());
        }
        assertThat(events).allSatisfy(p -> assertThat(p.done()).isBetween(0L, Math.max(p.total(), 0L)));
        List<IndexProgress> chunking = events.stream().filter(p -> p.phase() == Phase.CHUNKING).toList();
        assertThat(chunking.get(chunking.size() - 1).done()).isEqualTo(FILES.size());
        List<IndexProgress> embedding = events.stream().filter(p -> p.phase() == Phase.EMBEDDING).toList();
        assertThat(embedding.get(0).done()).isZero();
        IndexProgress lastEmbedding = embedding.get(embedding.size() - 1);
        assertThat(lastEmbedding.done()).isEqualTo(lastEmbedding.total()).isEqualTo(report.chunksEmbedded());
        assertThat(lastEmbedding.chunksTotal()).isEqualTo(report.chunks());
        assertThat(events.stream().filter(p -> p.phase() == Phase.WRITING).map(IndexProgress::done))
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(events.get(events.size() - 1).phase()).isEqualTo(Phase.DONE);
        assertThat(events.get(events.size() - 1).fraction()).isEqualTo(1.0);
    }

    @Test
    void manifestRecordsModelSettingsSourcesAndCounts() {
        IndexManifest m = index.manifest();
        Embedder embedder = IndexTestSupport.embedder();
        assertThat(m.magic()).isEqualTo(IndexManifest.MAGIC);
        assertThat(m.formatVersion()).isEqualTo(IndexManifest.FORMAT_VERSION).isEqualTo(1);
        assertThat(Instant.parse(m.createdAt())).isBefore(Instant.now().plusSeconds(1));
        assertThat(m.generator()).startsWith("Athenaeum ");

        assertThat(m.embedding().model()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(m.embedding().dimension()).isEqualTo(384).isEqualTo(embedder.dimension());
        assertThat(m.embedding().windowTokens()).isEqualTo(embedder.windowTokens()).isPositive().isLessThanOrEqualTo(254);

        assertThat(m.chunking().chunkSize()).isEqualTo(ChunkSettings.DEFAULT_CHUNK_SIZE);
        assertThat(m.chunking().chunkOverlap()).isEqualTo(ChunkSettings.DEFAULT_CHUNK_OVERLAP);

        assertThat(m.sources().roots()).containsExactly(corpus.toAbsolutePath().normalize().toString());
        assertThat(m.sources().include()).isEqualTo(ScanOptions.DEFAULT_INCLUDE);
        assertThat(m.sources().exclude()).isEqualTo(ScanOptions.DEFAULT_EXCLUDE);
        assertThat(m.sources().maxFileBytes()).isEqualTo(ScanOptions.DEFAULT_MAX_FILE_BYTES);

        assertThat(m.counts().files()).isEqualTo(FILES.size()).isEqualTo(m.files().size());
        assertThat(m.counts().chunks()).isEqualTo(index.chunks().size());
        assertThat(m.counts().windows()).isEqualTo(index.vectors().size());
        assertThat(m.segments()).singleElement().satisfies(seg -> assertThat(seg.windows()).isEqualTo(index.vectors().size()));
        assertThat(m.counts().skipped()).isZero();
        assertThat(m.skipped()).isEmpty();

        assertThat(m.checksums().keySet())
                .contains(IndexLayout.CHUNKS, IndexLayout.WINDOWS, IndexTestSupport.SEGMENT)
                .anyMatch(k -> k.startsWith(IndexLayout.KEYWORD + "/"))
                .noneMatch(k -> k.equals(IndexLayout.MANIFEST) || k.endsWith("write.lock"));
    }

    @Test
    void fileEntriesDescribeTheFilesOnDisk() throws IOException {
        List<IndexManifest.FileEntry> entries = index.manifest().files();
        assertThat(entries).extracting(IndexManifest.FileEntry::file).containsExactlyElementsOf(FILES);
        assertThat(index.fileNames()).containsExactlyElementsOf(FILES);
        int nextChunk = 0;
        for (int i = 0; i < entries.size(); i++) {
            IndexManifest.FileEntry e = entries.get(i);
            byte[] bytes = Files.readAllBytes(corpus.resolve(e.file()));
            assertThat(e.sha256()).as("sha256 of %s", e.file()).isEqualTo(DocumentLoader.sha256(bytes))
                    .isEqualTo(KnowledgeIndex.sha256(corpus.resolve(e.file())));
            assertThat(e.sizeBytes()).as("size of %s", e.file()).isEqualTo(bytes.length);
            String title = IndexTestSupport.lines(corpus.resolve(e.file())).stream()
                    .filter(l -> l.startsWith("title: ")).findFirst().orElseThrow().substring("title: ".length());
            assertThat(e.title()).as("front matter title of %s", e.file()).isEqualTo(title);
            assertThat(e.metadata()).as("front matter of %s", e.file()).containsEntry("title", title)
                    .containsKey("description");
            assertThat(e.notes()).isEmpty();
            assertThat(e.firstChunk()).as("chunks of %s follow those of the previous file", e.file()).isEqualTo(nextChunk);
            assertThat(e.chunkCount()).as("chunk count of %s", e.file()).isPositive();
            for (int id = e.firstChunk(); id < e.firstChunk() + e.chunkCount(); id++) {
                StoredChunk sc = index.chunks().get(id);
                assertThat(sc.id()).isEqualTo(id);
                assertThat(sc.fileIndex()).isEqualTo(i).isEqualTo(index.chunks().fileIndexOf(id));
                assertThat(sc.chunk().file()).isEqualTo(e.file());
            }
            nextChunk += e.chunkCount();
        }
        assertThat(nextChunk).isEqualTo(index.chunks().size());
    }

    @Test
    void everyChunkIsTheFilesOwnTextWithItsHeadingOutline() throws IOException {
        int previousEnd = 0;
        String previousFile = null;
        for (int id = 0; id < index.chunks().size(); id++) {
            StoredChunk sc = index.chunks().get(id);
            SourceChecks.assertChunkMatchesFile(corpus, sc.chunk());
            assertThat(sc.chunk().tokens()).as("tokens of chunk %d", id)
                    .isPositive().isLessThanOrEqualTo(ChunkSettings.DEFAULT_CHUNK_SIZE);
            if (sc.chunk().file().equals(previousFile)) {
                // Chunks of a file come in reading order; overlap may repeat the end of the previous one.
                assertThat(sc.chunk().endLine()).as("chunk %d moves forward", id).isGreaterThan(previousEnd);
            }
            previousFile = sc.chunk().file();
            previousEnd = sc.chunk().endLine();
        }
    }

    @Test
    void everyLineOfTextBelowTheFrontMatterIsInSomeChunk() throws IOException {
        for (String f : FILES) {
            List<String> lines = IndexTestSupport.lines(corpus.resolve(f));
            boolean[] covered = new boolean[lines.size() + 1];
            for (StoredChunk sc : IndexTestSupport.chunksOf(index, f)) {
                for (int l = sc.chunk().startLine(); l <= sc.chunk().endLine(); l++) {
                    covered[l] = true;
                }
            }
            int frontMatterEnd = lines.subList(1, lines.size()).indexOf("---") + 2;
            for (int l = frontMatterEnd + 1; l <= lines.size(); l++) {
                if (!lines.get(l - 1).isBlank()) {
                    assertThat(covered[l]).as("%s line %d '%s' is in a chunk", f, l, lines.get(l - 1)).isTrue();
                }
            }
            for (int l = 1; l <= frontMatterEnd; l++) {
                assertThat(covered[l]).as("front matter line %d of %s is metadata, not chunk text", l, f).isFalse();
            }
        }
    }

    @Test
    void windowsAreUnitVectorsOwnedByTheirChunks() {
        WindowVectors v = index.vectors();
        assertThat(v.dimension()).isEqualTo(384);
        int nextWindow = 0;
        for (int id = 0; id < index.chunks().size(); id++) {
            StoredChunk sc = index.chunks().get(id);
            assertThat(sc.firstWindow()).as("windows of chunk %d are contiguous", id).isEqualTo(nextWindow);
            assertThat(sc.windowCount()).isPositive();
            for (int w = sc.firstWindow(); w < sc.firstWindow() + sc.windowCount(); w++) {
                assertThat(v.chunkOf(w)).isEqualTo(id);
                float[] vec = v.vector(w);
                double norm = 0;
                for (float x : vec) {
                    norm += x * x;
                }
                assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-3));
            }
            nextWindow += sc.windowCount();
        }
        assertThat(nextWindow).isEqualTo(v.size());
    }

    @Test
    void storedVectorsAreTheModelsEmbeddingOfTheChunk() {
        // The `npm cache` chunk of npm-cache.md, embedded again the way the build does, gives the stored vector.
        StoredChunk sc = IndexTestSupport.chunksOf(index, "commands/npm-cache.md").get(2);
        assertThat(sc.chunk().headings()).containsExactly("Description", "`npm cache`");
        List<String> windows = IndexTestSupport.windowsOf(index, "commands/npm-cache.md", sc.chunk());
        assertThat(windows).hasSize(sc.windowCount());
        List<float[]> fresh = IndexTestSupport.embedder().embed(windows);
        List<float[]> stored = IndexTestSupport.vectorsOf(index, sc.id());
        for (int i = 0; i < fresh.size(); i++) {
            // Not bit-equal: the quantised model's result depends slightly on the other texts padded into the same
            // inference batch (cosine ~0.99 between batch-of-one and build-time vectors).
            assertThat(IndexTestSupport.cosine(fresh.get(i), stored.get(i))).isGreaterThan(0.97);
        }
    }

    @Test
    void freshIndexVerifiesClean() throws IOException {
        assertThat(index.verify()).isEmpty();
    }

    // ---------------------------------------------------------------- search

    static Stream<Arguments> questions() {
        return Stream.of(
                Arguments.of(SearchMode.HYBRID, "how do I remove a package I no longer need from my project", "commands/npm-uninstall.md"),
                Arguments.of(SearchMode.HYBRID, "clear or verify the local download cache", "commands/npm-cache.md"),
                Arguments.of(SearchMode.HYBRID, "sign in to the registry from the terminal", "commands/npm-login.md"),
                Arguments.of(SearchMode.HYBRID, "warn users that an old release of my package should no longer be used", "commands/npm-deprecate.md"),
                Arguments.of(SearchMode.HYBRID, "bump the release number of my package", "commands/npm-version.md"),
                Arguments.of(SearchMode.HYBRID, "where do packages installed globally end up on disk", "configuring-npm/folders.md"),
                Arguments.of(SearchMode.HYBRID, "teams and organization membership", "using-npm/orgs.md"),
                Arguments.of(SearchMode.HYBRID, "where does npm read its configuration files from", "configuring-npm/npmrc.md"),
                Arguments.of(SearchMode.HYBRID, "end my session and forget the auth token", "commands/npm-logout.md"),

                Arguments.of(SearchMode.DENSE, "how do I remove a package I no longer need from my project", "commands/npm-uninstall.md"),
                Arguments.of(SearchMode.DENSE, "sign in to the registry from the terminal", "commands/npm-login.md"),
                Arguments.of(SearchMode.DENSE, "warn users that an old release of my package should no longer be used", "commands/npm-deprecate.md"),
                Arguments.of(SearchMode.DENSE, "bump the release number of my package", "commands/npm-version.md"),
                Arguments.of(SearchMode.DENSE, "where do packages installed globally end up on disk", "configuring-npm/folders.md"),
                Arguments.of(SearchMode.DENSE, "delete extraneous packages that are not listed as dependencies", "commands/npm-prune.md"),
                Arguments.of(SearchMode.DENSE, "end my session and forget the auth token", "commands/npm-logout.md"),

                Arguments.of(SearchMode.KEYWORD, "clear or verify the local download cache", "commands/npm-cache.md"),
                Arguments.of(SearchMode.KEYWORD, "teams and organization membership", "using-npm/orgs.md"),
                Arguments.of(SearchMode.KEYWORD, "delete extraneous packages that are not listed as dependencies", "commands/npm-prune.md"),
                Arguments.of(SearchMode.KEYWORD, "where do packages installed globally end up on disk", "configuring-npm/folders.md"),
                Arguments.of(SearchMode.KEYWORD, "end my session and forget the auth token", "commands/npm-logout.md"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("questions")
    void clearQuestionsFindTheirFileFirst(SearchMode mode, String question, String expected) {
        List<SearchHit> hits = searcher.search(SearchRequest.builder(question).mode(mode).topK(5).build());
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).file()).as("best hit for '%s' in %s mode; all: %s", question, mode, describe(hits))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void hitsAreTheStoredChunksAndMatchTheRealFile(SearchMode mode) throws IOException {
        List<SearchHit> hits = searcher.search(SearchRequest.builder("which folder holds the cached package data")
                .mode(mode).topK(8).build());
        assertThat(hits).hasSize(8);
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            assertThat(ids.add(h.chunkId())).as("chunk %d appears once", h.chunkId()).isTrue();
            if (i > 0) {
                assertThat(h.score()).as("scores never increase down the list").isLessThanOrEqualTo(hits.get(i - 1).score());
            }
            StoredChunk sc = index.chunks().get(h.chunkId());
            assertThat(h.file()).isEqualTo(sc.chunk().file());
            assertThat(h.headings()).isEqualTo(sc.chunk().headings());
            assertThat(h.startLine()).isEqualTo(sc.chunk().startLine());
            assertThat(h.endLine()).isEqualTo(sc.chunk().endLine());
            assertThat(h.text()).isEqualTo(sc.chunk().text());
            Path file = corpus.resolve(h.file());
            SourceChecks.assertTextIsFileRegion(file, h.text(), h.startLine(), h.endLine());
            SourceChecks.assertHeadingsMatchFile(file, h.headings(), h.endLine());
        }
        if (mode == SearchMode.HYBRID) {
            assertThat(hits).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
        }
        if (mode == SearchMode.DENSE) {
            assertThat(hits).allSatisfy(h -> assertThat(h.score()).isBetween(-1.0, 1.0));
        }
    }

    @Test
    void cacheHitPointsAtTheRightSection() {
        SearchHit top = searcher.search(SearchRequest.builder("clear or verify the local download cache")
                .mode(SearchMode.KEYWORD).topK(1).build()).get(0);
        assertThat(top.file()).isEqualTo("commands/npm-cache.md");
        assertThat(top.headings()).containsExactly("Description", "`npm cache`");
        assertThat(top.startLine()).isEqualTo(26);
        assertThat(top.text()).startsWith("#### `npm cache`").contains("* clean:", "* verify:", "Verify the contents of the cache folder");
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void topKIsRespected(SearchMode mode) {
        for (int k : new int[] {1, 3, 10}) {
            List<SearchHit> hits = searcher.search(SearchRequest.builder("package scope registry").mode(mode).topK(k).build());
            assertThat(hits).as("top-%d in %s mode", k, mode).hasSize(k);
        }
        List<SearchHit> all = searcher.search(SearchRequest.builder("package").mode(mode).topK(SearchRequest.MAX_TOP_K).build());
        assertThat(all).hasSizeLessThanOrEqualTo(index.chunks().size())
                .extracting(SearchHit::chunkId).doesNotHaveDuplicates();
        assertThat(all.size()).isGreaterThan(10);
    }

    @ParameterizedTest
    @EnumSource(SearchMode.class)
    void pathGlobRestrictsResults(SearchMode mode) {
        String q = "remove a package";
        List<SearchHit> commands = searcher.search(SearchRequest.builder(q).mode(mode).topK(10).pathGlob("commands/*").build());
        assertThat(commands).isNotEmpty().allSatisfy(h -> assertThat(h.file()).startsWith("commands/"));
        assertThat(commands.get(0).file()).isEqualTo("commands/npm-uninstall.md");

        List<SearchHit> usingNpm = searcher.search(SearchRequest.builder(q).mode(mode).topK(10).pathGlob("using-npm/**").build());
        assertThat(usingNpm).isNotEmpty().allSatisfy(h -> assertThat(h.file()).startsWith("using-npm/"));

        List<SearchHit> oneFile = searcher.search(SearchRequest.builder(q).mode(mode).topK(10).pathGlob("using-npm/removal.md").build());
        assertThat(oneFile).isNotEmpty().allSatisfy(h -> assertThat(h.file()).isEqualTo("using-npm/removal.md"));
        assertThat(oneFile).hasSize(IndexTestSupport.entry(index, "using-npm/removal.md").chunkCount());

        List<SearchHit> byName = searcher.search(SearchRequest.builder(q).mode(mode).topK(10).pathGlob("npm-*.md").build());
        assertThat(byName).isNotEmpty().allSatisfy(h -> assertThat(h.file()).startsWith("commands/npm-"));

        List<SearchHit> nothing = searcher.search(SearchRequest.builder(q).mode(mode).topK(10).pathGlob("nowhere/**").build());
        assertThat(nothing).isEmpty();

        List<SearchHit> everything = searcher.search(SearchRequest.builder(q).mode(mode).topK(10).pathGlob("**/*.md").build());
        List<SearchHit> unfiltered = searcher.search(SearchRequest.builder(q).mode(mode).topK(10).build());
        assertThat(everything).extracting(SearchHit::chunkId)
                .containsExactlyElementsOf(unfiltered.stream().map(SearchHit::chunkId).toList());
    }

    @Test
    void keywordSearchNeedsNoModelButDenseAndHybridDo() {
        Searcher keywordOnly = new Searcher(index, null);
        List<SearchHit> hits = keywordOnly.search(SearchRequest.builder("organization teams").mode(SearchMode.KEYWORD).build());
        assertThat(hits).isNotEmpty();
        assertThat(hits.get(0).file()).isEqualTo("using-npm/orgs.md");
        for (SearchMode mode : List.of(SearchMode.DENSE, SearchMode.HYBRID)) {
            assertThatThrownBy(() -> keywordOnly.search(SearchRequest.builder("organization teams").mode(mode).build()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("embedding model");
        }
    }

    @Test
    void keywordSearchOfOnlyStopWordsFindsNothing() {
        assertThat(searcher.search(SearchRequest.builder("the and of to").mode(SearchMode.KEYWORD).build())).isEmpty();
        // Hybrid still answers from the dense side.
        assertThat(searcher.search(SearchRequest.builder("the and of to").mode(SearchMode.HYBRID).build())).isNotEmpty();
    }

    @Test
    void searcherRefusesAModelTheIndexWasNotBuiltWith() {
        try (Embedder other = EmbeddingModels.open("ollama:nomic-embed-text", EmbeddingOptions.fromEnvironment())) {
            assertThatThrownBy(() -> new Searcher(index, other))
                    .isInstanceOf(IndexFormatException.class)
                    .hasMessageContaining("all-minilm-l6-v2-q")
                    .hasMessageContaining("ollama:nomic-embed-text");
        }
    }

    @Test
    void searchingFromManyThreadsGivesTheSameAnswers() throws Exception {
        SearchRequest req = SearchRequest.builder("where does npm read its configuration files from").topK(5).build();
        List<Integer> expected = searcher.search(req).stream().map(SearchHit::chunkId).toList();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<List<Integer>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                try {
                    for (int i = 0; i < 5; i++) {
                        answers.add(searcher.search(req).stream().map(SearchHit::chunkId).toList());
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failures).isEmpty();
        assertThat(answers).hasSize(20).allSatisfy(a -> assertThat(a).isEqualTo(expected));
    }

    // ---------------------------------------------------------------- request validation

    @Test
    void searchRequestRejectsInvalidValues() {
        assertThatThrownBy(() -> SearchRequest.builder(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the query is empty");
        assertThatThrownBy(() -> SearchRequest.builder("   \n").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the query is empty");
        assertThatThrownBy(() -> SearchRequest.builder("q").topK(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("top-k must be between 1 and 200, got 0");
        assertThatThrownBy(() -> SearchRequest.builder("q").topK(-3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got -3");
        assertThatThrownBy(() -> SearchRequest.builder("q").topK(SearchRequest.MAX_TOP_K + 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 201");
        assertThatThrownBy(() -> SearchRequest.builder("q").pathGlob("commands/[npm").build())
                .as("an invalid glob fails when the request is built, not later in search")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid glob pattern 'commands/[npm'");
    }

    @Test
    void searchRequestDefaults() {
        SearchRequest r = SearchRequest.builder("q").build();
        assertThat(r.topK()).isEqualTo(SearchRequest.DEFAULT_TOP_K).isEqualTo(5);
        assertThat(r.mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(r.pathGlob()).isNull();
        assertThat(new SearchRequest("q", 1, null, "  ").mode()).isEqualTo(SearchMode.HYBRID);
        assertThat(new SearchRequest("q", 1, null, "  ").pathGlob()).isNull();
        assertThat(SearchRequest.builder("q").topK(1).build().topK()).isEqualTo(1);
        assertThat(SearchRequest.builder("q").topK(200).build().topK()).isEqualTo(200);
    }

    @Test
    void searchModeParsing() {
        assertThat(SearchMode.parse(" Dense ")).isEqualTo(SearchMode.DENSE);
        assertThat(SearchMode.parse("keyword")).isEqualTo(SearchMode.KEYWORD);
        assertThat(SearchMode.parse("HYBRID")).isEqualTo(SearchMode.HYBRID);
        assertThat(Arrays.stream(SearchMode.values()).map(SearchMode::id)).containsExactly("hybrid", "dense", "keyword");
        assertThatThrownBy(() -> SearchMode.parse("fuzzy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown search mode 'fuzzy': use hybrid, dense or keyword");
    }

    private static List<String> describe(List<SearchHit> hits) {
        return hits.stream().map(h -> h.file() + ":" + h.startLine() + "-" + h.endLine()).toList();
    }
}
