package dev.athenaeum.cli;

import dev.athenaeum.progress.Cancellation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.athenaeum.cli.Assertions2.assertOneErrorLine;
import static org.assertj.core.api.Assertions.assertThat;

class IndexCommandTest {

    @TempDir
    static Path tmp;
    static Path corpus;
    static Path index;
    static Cli.Result firstBuild;

    @BeforeAll
    static void buildOnce() throws IOException {
        corpus = tmp.resolve("corpus");
        index = tmp.resolve("index");
        firstBuild = TestCorpus.index(corpus, index);
    }

    @Test
    void summaryCountsFilesChunksAndThroughput() {
        assertThat(firstBuild.out())
                .contains("indexed 6 files: 6 new or changed, 0 unchanged (reused), 0 removed")
                .containsPattern("(?m)^\\d+ chunks, \\d+ embedded as \\d+ windows$")
                .containsPattern("(?m)^took \\d+\\.\\d s \\([\\d.]+ MB/s, [\\d.]+ chunks/s\\)$")
                .doesNotContain("skipped", "index is up to date");
    }

    @Test
    void progressGoesToStderrAsPlainLinesWhenNotOnATerminal() {
        assertThat(firstBuild.err()).doesNotContain("\r")
                .containsPattern("(?m)^Chunking +\\[[#.]+\\] \\d+/6 files")
                .containsPattern("(?m)^Embedding +\\[[#.]+\\] \\d+/\\d+ chunks");
    }

    @Test
    void anUnchangedCorpusIsUpToDate() {
        Cli.Result r = Cli.run("index", corpus.toString(), "--index", index.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 new or changed, 6 unchanged (reused), 0 removed", "index is up to date");
    }

    @Test
    void withoutFoldersTheRecordedOnesAreUpdated() {
        Cli.Result r = Cli.run("index", "--index", index.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("indexed 6 files", "index is up to date");
    }

    @Test
    void onlyChangedFilesAreEmbeddedAndRemovedOnesCounted() throws IOException {
        Path corpus2 = TestCorpus.copyTo(tmp.resolve("changed-corpus"));
        Path index2 = tmp.resolve("changed-index");
        TestCorpus.copyTree(index, index2);
        Files.delete(corpus2.resolve("using-npm/removal.md"));
        Files.writeString(corpus2.resolve("notes.md"), "# Notes\n\nPublish scoped packages with --access public.\n");

        Cli.Result r = Cli.run("index", corpus2.toString(), "--index", index2.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("indexed 6 files: 1 new or changed, 5 unchanged (reused), 1 removed")
                .doesNotContain("index is up to date");
    }

    @Test
    void filesOverTheSizeLimitAreListedWithTheirReason() throws IOException {
        Path small = tmp.resolve("size-corpus");
        Files.createDirectories(small);
        Files.copy(TestCorpus.NPM_DOCS.resolve("using-npm/orgs.md"), small.resolve("orgs.md"));
        Files.copy(TestCorpus.NPM_DOCS.resolve("commands/npm-publish.md"), small.resolve("npm-publish.md"));

        Cli.Result r = Cli.run("index", small.toString(), "--index", tmp.resolve("size-index").toString(),
                "--max-file-size", "4KB");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("indexed 1 file:", "1 file skipped:")
                .containsPattern("(?m)^  skipped npm-publish\\.md: too large: .*4\\.0 KB limit");
    }

    @Test
    void aCancelledBuildLeavesThePreviousIndexUnchanged() throws IOException {
        Path index3 = tmp.resolve("cancelled-index");
        TestCorpus.copyTree(index, index3);
        String before = Files.readString(index3.resolve("CURRENT"));
        Cancellation cancelled = new Cancellation();
        cancelled.cancel();
        CommandLine cl = Main.commandLine(new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                return cls == IndexCommand.class ? cls.cast(new IndexCommand(cancelled)) : CommandLine.defaultFactory().create(cls);
            }
        });

        Cli.Result r = Cli.run(cl, "index", corpus.toString(), "--index", index3.toString(), "--rebuild");

        assertThat(r.exitCode()).isEqualTo(IndexCommand.CANCELLED);
        assertThat(r.err()).endsWith("athenaeum: cancelled; the previous index is unchanged" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(Files.readString(index3.resolve("CURRENT"))).isEqualTo(before);
        assertThat(Cli.run("info", "--index", index3.toString(), "--verify").exitCode()).isZero();
    }

    @Test
    void anOverlapNotSmallerThanTheChunkSizeIsAUsageError() {
        Cli.Result r = Cli.run("index", corpus.toString(), "--index", tmp.resolve("unused").toString(),
                "--chunk-size", "512", "--chunk-overlap", "600");

        assertThat(assertOneErrorLine(r, 2))
                .isEqualTo("athenaeum: chunk overlap (600) must be smaller than the chunk size (512)");
        assertThat(tmp.resolve("unused")).doesNotExist();
    }

    @Test
    void aMissingFolderIsAUsageError() {
        Cli.Result r = Cli.run("index", tmp.resolve("nowhere").toString(), "--index", tmp.resolve("unused").toString());

        assertThat(assertOneErrorLine(r, 2)).startsWith("athenaeum: folder not found: ");
    }

    @Test
    void noFoldersAndNoIndexToUpdateIsAUsageError() {
        Cli.Result r = Cli.run("index", "--index", tmp.resolve("unused").toString());

        assertThat(assertOneErrorLine(r, 2)).startsWith("athenaeum: no folders to index");
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertThat(assertOneErrorLine(Cli.run("index", corpus.toString(), "--index", "x", "--embed-model", "gpt-9"), 2))
                .startsWith("athenaeum: unknown embedding model 'gpt-9'");
        assertThat(assertOneErrorLine(Cli.run("index", corpus.toString(), "--index", "x", "--max-file-size", "big"), 2))
                .startsWith("athenaeum: invalid value for option '--max-file-size': 'big' is not a size");
        assertThat(assertOneErrorLine(Cli.run("index", corpus.toString(), "--index", "x", "--chunk-size", "many"), 2))
                .startsWith("athenaeum: invalid value for option '--chunk-size'");
        assertThat(assertOneErrorLine(Cli.run("index", corpus.toString()), 2))
                .startsWith("athenaeum: missing required option: '--index=OUT'");
    }

    @Test
    void aFailureIsOneLineWithExitCodeOneAndAStackTraceOnlyWhenVerbose() {
        // Another model than the index was built with: refused before anything is embedded.
        String[] args = {"index", corpus.toString(), "--index", index.toString(), "--embed-model", "ollama:nomic-embed-text"};

        Cli.Result quiet = Cli.run(args);
        Cli.Result verbose = Cli.run(append(args, "--verbose"));

        assertThat(assertOneErrorLine(quiet, 1))
                .startsWith("athenaeum: this index was built with the embedding model all-minilm-l6-v2-q");
        assertThat(verbose.exitCode()).isEqualTo(1);
        assertThat(verbose.err()).startsWith(quiet.err()).contains("IndexFormatException", "at dev.athenaeum.");
    }

    @Test
    void aDamagedIndexAsksForARebuildAndTheRebuildReplacesIt() throws IOException {
        Path damaged = tmp.resolve("damaged-index");
        Path docs = tmp.resolve("damaged-docs");
        TestCorpus.index(docs, damaged);
        Path manifest = TestCorpus.currentGeneration(damaged).resolve("manifest.json");
        Files.writeString(manifest, "{ this is not json");

        Cli.Result update = Cli.run("index", docs.toString(), "--index", damaged.toString());
        assertThat(assertOneErrorLine(update, 1)).contains("unreadable").contains("--rebuild");

        Cli.Result rebuild = Cli.run("index", docs.toString(), "--index", damaged.toString(), "--rebuild");
        assertThat(rebuild.exitCode()).as(rebuild.err()).isZero();
        assertThat(rebuild.out()).contains("indexed 6 files: 6 new or changed");
        assertThat(Cli.run("info", "--index", damaged.toString(), "--verify").exitCode()).isZero();
    }

    @Test
    void excludePatternsMayUseBraces() throws IOException {
        Path out = tmp.resolve("brace-index");
        Cli.Result r = Cli.run("index", corpus.toString(), "--index", out.toString(),
                "--exclude", "npm-{access,publish}.md", "--exclude", "logging.md");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("indexed 3 files");
    }

    @Test
    void whenNothingCanBeIndexedTheReasonsAreGiven() throws IOException {
        Path junk = Files.createDirectories(tmp.resolve("junk"));
        Files.write(junk.resolve("photo.md"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Files.writeString(junk.resolve("empty.md"), "");

        Cli.Result r = Cli.run("index", junk.toString(), "--index", tmp.resolve("junk-index").toString());

        // Progress lines come first; the error is the one line starting with the program's name.
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).filteredOn(l -> l.startsWith("athenaeum: ")).singleElement().asString()
                .contains("nothing to index").contains("empty.md: empty file").contains("photo.md: binary file, not text");
        assertThat(r.err()).doesNotContain("Exception");
    }

    private static String[] append(String[] args, String more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = more;
        return all;
    }
}
