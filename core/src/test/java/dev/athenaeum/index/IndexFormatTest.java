package dev.athenaeum.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.progress.Cancellation;
import dev.athenaeum.progress.Phase;
import dev.athenaeum.progress.ProgressListener;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * What is and is not an index: folders that must not be written to, folders and files that cannot be read, damage
 * that must be detected, the CURRENT pointer's fallback, and the build lock.
 */
class IndexFormatTest {

    static final String[] FILES = {"commands/npm-ping.md", "commands/npm-root.md", "commands/npm-whoami.md"};

    @TempDir
    static Path shared;
    static Path corpus;
    static Path template;

    @TempDir
    Path tmp;
    Path indexDir;
    Path gen;

    @BeforeAll
    static void buildTemplate() throws IOException {
        corpus = IndexTestSupport.copyNpmDocs(shared.resolve("docs"), FILES);
        template = shared.resolve("index");
        IndexTestSupport.build(corpus, template);
    }

    @BeforeEach
    void copyTemplate() throws IOException {
        indexDir = tmp.resolve("index");
        IndexTestSupport.copyTree(template, indexDir);
        gen = indexDir.resolve("gen-000001");
    }

    // ---------------------------------------------------------------- folders that are not an index

    @Test
    void aFolderWithOtherFilesIsNotWrittenTo() throws IOException {
        Path notes = tmp.resolve("my-notes");
        Files.createDirectories(notes.resolve("photos"));
        Files.writeString(notes.resolve("todo.txt"), "buy milk\n");
        assertThatThrownBy(() -> IndexTestSupport.build(corpus, notes))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining(notes.toAbsolutePath().toString())
                .hasMessageContaining("is not empty and holds no Athenaeum index");
        assertThat(IndexTestSupport.entries(notes)).as("nothing was added or removed").containsExactly("photos", "todo.txt");
        assertThat(Files.readString(notes.resolve("todo.txt"))).isEqualTo("buy milk\n");
    }

    @Test
    void aFileIsNotAnIndexFolder() throws IOException {
        Path file = tmp.resolve("index.txt");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> IndexTestSupport.build(corpus, file))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("is a file, not a folder for an index");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void anEmptyOrMissingFolderBecomesAnIndex() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        assertThat(IndexTestSupport.build(corpus, empty).generation().getFileName()).hasToString("gen-000001");
        Path missing = tmp.resolve("a/b/c");
        assertThat(IndexTestSupport.build(corpus, missing).generation().getFileName()).hasToString("gen-000001");
        try (KnowledgeIndex index = KnowledgeIndex.open(missing)) {
            assertThat(index.fileNames()).containsExactly(FILES);
        }
    }

    @Test
    void openingSomethingThatIsNotAnIndexSaysSo() throws IOException {
        assertThatThrownBy(() -> KnowledgeIndex.open(tmp.resolve("nowhere")))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("no index at")
                .hasMessageContaining("the folder does not exist");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThatThrownBy(() -> KnowledgeIndex.open(empty))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("no index at " + empty)
                .hasMessageContaining("build one with 'athenaeum index'");

        assertThatThrownBy(() -> KnowledgeIndex.open(corpus))
                .as("a folder of documents")
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("no index at " + corpus);

        Path noManifest = Files.createDirectories(tmp.resolve("broken/gen-000001"));
        Files.writeString(noManifest.resolve("chunks.bin"), "junk");
        assertThatThrownBy(() -> KnowledgeIndex.open(noManifest.getParent()))
                .as("a generation without a manifest is not an index")
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("no index at");
    }

    // ---------------------------------------------------------------- the manifest

    @Test
    void aNewerFormatVersionIsRefusedWithAClearMessage() throws IOException {
        editManifest(m -> m.put("formatVersion", 2));
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessage("this index has format version 2, newer than this Athenaeum reads (1): update Athenaeum");
    }

    @Test
    void aNewerFormatVersionWithAChangedLayoutIsStillReportedAsNewer() throws IOException {
        // A future format may restructure the manifest; the reader must say "newer", not "unreadable".
        editManifest(m -> {
            m.put("formatVersion", 2);
            m.put("embedding", "all-minilm-l6-v2-q@384");
            m.remove("files");
            m.putObject("counts").put("documents", 3);
        });
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("format version 2, newer than this Athenaeum reads (1)");
        // An update does not touch it either.
        assertThatThrownBy(() -> IndexTestSupport.build(corpus, indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("newer than this Athenaeum reads");
        assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000001");
    }

    @Test
    void otherManifestProblemsAreNamed() throws IOException {
        Path manifest = gen.resolve(IndexLayout.MANIFEST);
        String original = Files.readString(manifest);

        Files.writeString(manifest, "{\"name\": \"some-package\", \"version\": \"1.0.0\"}");
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("not an Athenaeum index")
                .hasMessageContaining("some other JSON file");

        Files.writeString(manifest, original.substring(0, original.length() / 2));
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("the index manifest")
                .hasMessageContaining("is unreadable");

        Files.writeString(manifest, original.replace("\"formatVersion\" : 1", "\"formatVersion\" : 0"));
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("invalid format version 0");

        Files.writeString(manifest, original.replace("\"dimension\" : 384", "\"dimension\" : 768"));
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessage("the index's vectors have dimension 384 but its manifest says 768");

        Files.writeString(manifest, original);
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.verify()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- damaged data files

    @ParameterizedTest
    @ValueSource(strings = {IndexLayout.CHUNKS, IndexLayout.WINDOWS, IndexTestSupport.SEGMENT})
    void aTruncatedDataFileIsRefusedOnOpen(String name) throws IOException {
        Path file = gen.resolve(name);
        long size = Files.size(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size - Math.min(100, size / 2));
        }
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessage("the index is damaged: " + name + " has the wrong size");
    }

    @ParameterizedTest
    @ValueSource(strings = {IndexLayout.CHUNKS, IndexLayout.WINDOWS, IndexTestSupport.SEGMENT})
    void aMissingDataFileIsRefusedOnOpen(String name) throws IOException {
        Files.delete(gen.resolve(name));
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining("the index is incomplete: " + name + " is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {IndexLayout.CHUNKS, IndexLayout.WINDOWS, IndexTestSupport.SEGMENT})
    void corruptedBytesInsideADataFileAreFoundByVerify(String name) throws IOException {
        Path file = gen.resolve(name);
        flipBytes(file, Files.size(file) / 2, 16);
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.verify()).containsExactly(name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {IndexLayout.CHUNKS, IndexLayout.WINDOWS, IndexTestSupport.SEGMENT})
    void anUpdateDoesNotCarryDamagedDataForward(String name) throws IOException {
        Path file = gen.resolve(name);
        flipBytes(file, Math.max(Files.size(file) / 2, Files.size(file) - 64), 16);

        BuildReport update = IndexTestSupport.build(corpus, indexDir);

        assertThat(update.upToDate()).isFalse();
        assertThat(update.filesReused()).isZero();
        assertThat(update.chunksEmbedded()).isEqualTo(update.chunks());
        assertThat(update.notes().values()).anySatisfy(n -> assertThat(n).singleElement().asString()
                .contains("damaged").contains(name).contains("embedded again"));
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.verify()).isEmpty();
        }
    }

    @Test
    void corruptedKeywordIndexFilesAreFoundByVerify() throws IOException {
        Path keyword = gen.resolve(IndexLayout.KEYWORD);
        Path biggest;
        try (Stream<Path> s = Files.list(keyword)) {
            biggest = s.filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length())).orElseThrow();
        }
        flipBytes(biggest, Files.size(biggest) / 2, 8);
        String name = IndexLayout.KEYWORD + "/" + biggest.getFileName();
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.verify()).containsExactly(name);
        } catch (IndexFormatException e) {
            // Lucene may notice on open instead; then the message must say where.
            assertThat(e).hasMessageContaining("keyword index");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {IndexLayout.CHUNKS, IndexLayout.WINDOWS, IndexTestSupport.SEGMENT})
    void aDataFileWithADamagedHeaderIsRefusedOrFlagged(String name) throws IOException {
        Path file = gen.resolve(name);
        flipBytes(file, 0, 12);
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.verify()).containsExactly(name);
        } catch (IndexFormatException e) {
            assertThat(e.getMessage()).contains(name);
        }
    }

    @Test
    void aDamagedHeaderOfTheBinaryStoresNamesTheFile() throws IOException {
        flipBytes(gen.resolve(IndexLayout.WINDOWS), 0, 4);
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining(IndexLayout.WINDOWS)
                .hasMessageContaining("is not an Athenaeum ATHWNDW1 file");
        IndexTestSupport.copyTree(template.resolve("gen-000001"), tmp.resolve("fresh"));
        Files.copy(tmp.resolve("fresh").resolve(IndexLayout.WINDOWS), gen.resolve(IndexLayout.WINDOWS),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        flipBytes(gen.resolve(IndexLayout.CHUNKS), 0, 4);
        assertThatThrownBy(() -> KnowledgeIndex.open(indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining(IndexLayout.CHUNKS)
                .hasMessageContaining("is not an Athenaeum ATHCHNK1 file");
    }

    @Test
    void anUpdateOfADamagedIndexAsksForARebuild() throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(gen.resolve(IndexTestSupport.SEGMENT).toFile(), "rw")) {
            raf.setLength(raf.length() - 4);
        }
        assertThatThrownBy(() -> IndexTestSupport.build(corpus, indexDir))
                .isInstanceOf(IndexFormatException.class)
                .hasMessageContaining(IndexTestSupport.SEGMENT + " has the wrong size")
                .hasMessageContaining("rebuild it to start over");
        BuildReport rebuilt = new IndexBuilder(IndexTestSupport.embedder()).build(
                new BuildRequest(IndexTestSupport.scan(corpus), ChunkSettings.DEFAULT, indexDir, true),
                ProgressListener.NONE, Cancellation.none());
        assertThat(rebuilt.filesEmbedded()).isEqualTo(FILES.length);
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.verify()).isEmpty();
        }
    }

    // ---------------------------------------------------------------- the CURRENT pointer

    @Test
    void currentPointingToAMissingGenerationFallsBackToTheNewestCompleteOne() throws IOException {
        appendAndBuild("\nSecond generation.\n");
        assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000001", "gen-000002");
        // A newer generation folder without a manifest is not complete and never chosen.
        Files.createDirectories(indexDir.resolve("gen-000005"));

        for (String pointer : List.of("gen-000009\n", "../../etc\n", "", "gen-1\n")) {
            Files.writeString(indexDir.resolve("CURRENT"), pointer, StandardCharsets.UTF_8);
            try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
                assertThat(index.generation().getFileName()).as("CURRENT '%s'", pointer.strip()).hasToString("gen-000002");
                assertThat(new Searcher(index, null).search(SearchRequest.builder("Second generation")
                        .mode(SearchMode.KEYWORD).build()).get(0).text()).contains("Second generation.");
            }
        }
        Files.delete(indexDir.resolve("CURRENT"));
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.generation().getFileName()).hasToString("gen-000002");
        }

        // A valid pointer to an older generation is obeyed.
        Files.writeString(indexDir.resolve("CURRENT"), "gen-000001\n");
        try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
            assertThat(index.generation().getFileName()).hasToString("gen-000001");
        }

        // Building on from here numbers past every existing generation folder and repairs the pointer.
        BuildReport next = appendAndBuild("\nThird generation.\n");
        assertThat(next.generation().getFileName()).hasToString("gen-000006");
        assertThat(IndexTestSupport.currentPointer(indexDir)).isEqualTo("gen-000006");
    }

    // ---------------------------------------------------------------- the build lock

    @Test
    void aBuildFailsAtOnceWhileThisProcessHoldsTheLock() throws IOException {
        try (IndexDirectory.BuildLock held = new IndexDirectory(indexDir).lock()) {
            assertThatThrownBy(() -> appendAndBuild("\nBlocked.\n"))
                    .isInstanceOf(IndexFormatException.class)
                    .hasMessage("another build is updating " + indexDir.toAbsolutePath().normalize()
                            + " right now; wait for it to finish");
        }
        assertThatCode(() -> appendAndBuild("\nAfter the lock.\n")).doesNotThrowAnyException();
    }

    @Test
    void aSecondConcurrentBuildFailsFastWhileTheFirstCarriesOn() throws Exception {
        Path corpusCopy = tmp.resolve("docs");
        IndexTestSupport.copyTree(corpus, corpusCopy);
        Files.writeString(corpusCopy.resolve(FILES[0]), "\nA change for the first build.\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        CountDownLatch embedding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Object> firstResult = new AtomicReference<>();
        Thread first = new Thread(() -> {
            try {
                firstResult.set(new IndexBuilder(IndexTestSupport.embedder()).build(
                        IndexTestSupport.request(corpusCopy, indexDir, ChunkSettings.DEFAULT), p -> {
                            if (p.phase() == Phase.EMBEDDING && embedding.getCount() > 0) {
                                embedding.countDown();
                                try {
                                    release.await(5, TimeUnit.MINUTES);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            }
                        }, Cancellation.none()));
            } catch (Throwable e) {
                firstResult.set(e);
            }
        });
        first.start();
        try {
            assertThat(embedding.await(5, TimeUnit.MINUTES)).isTrue();
            assertThatThrownBy(() -> IndexTestSupport.build(corpusCopy, indexDir))
                    .isInstanceOf(IndexFormatException.class)
                    .hasMessageContaining("another build is updating");
            // Readers are never blocked by a build.
            try (KnowledgeIndex index = KnowledgeIndex.open(indexDir)) {
                assertThat(index.generation().getFileName()).hasToString("gen-000001");
                assertThat(new Searcher(index, IndexTestSupport.embedder())
                        .search(SearchRequest.builder("print the effective node_modules folder").build()).get(0).file())
                        .isEqualTo("commands/npm-root.md");
            }
        } finally {
            release.countDown();
            first.join();
        }
        assertThat(firstResult.get()).isInstanceOf(BuildReport.class);
        assertThat(((BuildReport) firstResult.get()).generation().getFileName()).hasToString("gen-000002");
    }

    @Test
    void aBuildFailsAtOnceWhileAnotherProcessBuilds() throws Exception {
        Path corpusCopy = tmp.resolve("docs");
        IndexTestSupport.copyTree(corpus, corpusCopy);
        IndexTestSupport.copyNpmDocs(corpusCopy, "commands/npm-logout.md");
        try (ChildBuild child = ChildBuild.start(corpusCopy, indexDir, "EMBEDDING", 0)) {
            child.awaitPaused();
            assertThatThrownBy(() -> IndexTestSupport.build(corpusCopy, indexDir))
                    .isInstanceOf(IndexFormatException.class)
                    .hasMessageContaining("another build is updating " + indexDir.toAbsolutePath().normalize());
            child.kill();
        }
        // The dead process's lock is gone with it.
        BuildReport report = IndexTestSupport.build(corpusCopy, indexDir);
        assertThat(report.filesEmbedded()).isEqualTo(1);
    }

    @Test
    void aRefusedSecondBuildInThisProcessDoesNotReleaseTheFirstOnesLock() throws Exception {
        // File locks belong to the process: closing any channel of the lock file can drop the lock that another
        // channel of the same process holds. A second build refused here must leave the first one's lock intact,
        // or a build in another process could start writing beside it.
        Path corpusCopy = tmp.resolve("docs");
        IndexTestSupport.copyTree(corpus, corpusCopy);
        IndexTestSupport.copyNpmDocs(corpusCopy, "commands/npm-logout.md");
        try (IndexDirectory.BuildLock held = new IndexDirectory(indexDir).lock()) {
            assertThatThrownBy(() -> new IndexDirectory(indexDir).lock())
                    .isInstanceOf(IndexFormatException.class)
                    .hasMessageContaining("another build is updating");
            try (ChildBuild child = ChildBuild.start(corpusCopy, indexDir, "EMBEDDING", 0)) {
                String outcome = child.await(l -> l.equals("PAUSED") || l.contains("another build is updating"),
                        "either the lock refusal or the embedding phase");
                assertThat(outcome).as("the other process must be refused while this one holds the lock")
                        .contains("another build is updating");
                assertThat(child.awaitExit()).isNotZero();
            }
        }
        assertThat(IndexTestSupport.generations(indexDir)).containsExactly("gen-000001");
    }

    // ---------------------------------------------------------------- helpers

    private BuildReport appendAndBuild(String text) throws IOException {
        Path docs = tmp.resolve("docs");
        if (!Files.exists(docs)) {
            IndexTestSupport.copyTree(corpus, docs);
        }
        Files.writeString(docs.resolve(FILES[0]), text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        return IndexTestSupport.build(docs, indexDir);
    }

    private void editManifest(Consumer<ObjectNode> edit) throws IOException {
        Path manifest = gen.resolve(IndexLayout.MANIFEST);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(manifest.toFile());
        edit.accept(tree);
        json.writerWithDefaultPrettyPrinter().writeValue(manifest.toFile(), tree);
    }

    private static void flipBytes(Path file, long at, int count) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (int i = 0; i < count; i++) {
                raf.seek(at + i);
                int b = raf.read();
                raf.seek(at + i);
                raf.write(b ^ 0x5A);
            }
        }
    }
}
