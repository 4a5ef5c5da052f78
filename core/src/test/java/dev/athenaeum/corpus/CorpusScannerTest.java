package dev.athenaeum.corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class CorpusScannerTest {

    private static final String INSTALL = """
            # Installing the CLI

            Download the archive for your platform and unpack it somewhere on your PATH.
            """;

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }

    private static ScanResult scan(Path root) {
        return new CorpusScanner(ScanOptions.builder().root(root).build()).scan();
    }

    private static List<String> names(ScanResult result) {
        return result.files().stream().map(SourceFile::file).toList();
    }

    private static List<String> skippedNames(ScanResult result) {
        return result.skipped().stream().map(SkippedFile::file).toList();
    }

    private static String reasonFor(ScanResult result, String file) {
        return result.skipped().stream().filter(s -> s.file().equals(file)).map(SkippedFile::reason)
                .findFirst().orElseThrow(() -> new AssertionError(file + " not among skipped " + result.skipped()));
    }

    @Test
    void defaultIncludeTakesMarkdownAndMarkdownExtensionsOnly() throws IOException {
        write("install.md", INSTALL);
        write("changelog.markdown", "## 2.1.0\n\nFixed the proxy settings being ignored.\n");
        write("notes.txt", "Plain text notes are not indexed.\n");
        write("diagram.png", "not really a png");
        write("README.MD.orig", "merge leftover");
        write("page.mdx", "# MDX page\n");

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("changelog.markdown", "install.md");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void sourceFilesCarryTheirPathAndSize() throws IOException {
        Path file = write("guide/install.md", INSTALL);

        SourceFile found = scan(dir).files().get(0);

        assertThat(found.file()).isEqualTo("guide/install.md");
        assertThat(found.path()).isEqualTo(file.toAbsolutePath().normalize());
        assertThat(found.sizeBytes()).isEqualTo(Files.size(file));
    }

    @Test
    void folderNamedLikeMarkdownDoesNotPullInItsOtherFiles() throws IOException {
        write("release-notes.md/summary.md", INSTALL);
        write("release-notes.md/screenshot.png", "binary-ish");
        write("release-notes.md/data.csv", "a,b\n1,2\n");

        assertThat(names(scan(dir))).containsExactly("release-notes.md/summary.md");
    }

    @Test
    void defaultExcludesSkipVersionControlDependenciesAndBuildOutput() throws IOException {
        write("guide.md", INSTALL);
        write(".git/COMMIT_EDITMSG.md", "Fix typo");
        write("node_modules/lodash/README.md", "# lodash\n");
        write("web/node_modules/react/README.md", "# react\n");
        write("target/site/index.md", "# generated\n");
        write("build/docs/api.md", "# generated\n");
        write("dist/readme.md", "# generated\n");
        write(".venv/lib/readme.md", "# venv\n");
        write(".obsidian/workspace.md", "# settings\n");
        write("docs/builder.md", "# The site builder\n\nNot excluded: only folders named build are.\n");

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("docs/builder.md", "guide.md");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void userExcludesAddToTheDefaults() throws IOException {
        write("guide.md", INSTALL);
        write("drafts/plan.md", "# Plan\n");
        write("notes/drafts/idea.md", "# Idea\n");
        write("notes/meeting.md", "# Meeting\n");
        write("notes/meeting.private.md", "# Private\n");
        write("node_modules/x/readme.md", "# dep\n");

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir)
                .exclude(List.of("**/drafts/*", "*.private.md")).build()).scan();

        assertThat(names(result)).containsExactly("guide.md", "notes/meeting.md");
    }

    @Test
    void excludeOnlyReplacesTheDefaults() throws IOException {
        write("guide.md", INSTALL);
        write("node_modules/x/readme.md", "# dep\n");
        write("archive/old.md", "# old\n");

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir)
                .excludeOnly(List.of("archive")).build()).scan();

        assertThat(names(result)).containsExactly("guide.md", "node_modules/x/readme.md");
    }

    @Test
    void anchoredPathExcludeLeavesSameNamedFoldersElsewhere() throws IOException {
        write("drafts/plan.md", "# Plan\n");
        write("team/drafts/roadmap.md", "# Roadmap\n");

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir)
                .exclude(List.of("/drafts")).build()).scan();

        assertThat(names(result)).containsExactly("team/drafts/roadmap.md");
    }

    @Test
    void customIncludeReplacesTheDefault() throws IOException {
        write("guide.md", INSTALL);
        write("notes.txt", "Plain text notes.\n");
        write("docs/api/reference.txt", "Reference.\n");

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir)
                .include(List.of("*.txt")).build()).scan();

        assertThat(names(result)).containsExactly("docs/api/reference.txt", "notes.txt");
    }

    @Test
    void pathIncludeSelectsFilesUnderAFolder() throws IOException {
        write("docs/intro.md", INSTALL);
        write("docs/guide/install.md", INSTALL);
        write("blog/post.md", INSTALL);

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir)
                .include(List.of("docs/**/*.md")).build()).scan();

        assertThat(names(result)).containsExactly("docs/guide/install.md", "docs/intro.md");
    }

    @Test
    void nestedFoldersAreWalkedAndNamesUseForwardSlashes() throws IOException {
        write("a/b/c/d/deep.md", INSTALL);
        write("a/top.md", INSTALL);
        write("z.md", INSTALL);

        assertThat(names(scan(dir))).containsExactly("a/b/c/d/deep.md", "a/top.md", "z.md");
    }

    @Test
    void orderIsSortedAndTheSameOnEveryScan() throws IOException {
        for (String name : List.of("zeta.md", "alpha.md", "Mid.md", "b/c.md", "b/a.md", "a-b.md", "a/b.md", "10.md", "9.md")) {
            write(name, INSTALL);
        }

        List<String> first = names(scan(dir));

        assertThat(first).containsExactly("10.md", "9.md", "Mid.md", "a-b.md", "a/b.md", "alpha.md", "b/a.md", "b/c.md", "zeta.md");
        assertThat(names(scan(dir))).isEqualTo(first);
    }

    @Test
    void severalRootsArePrefixedWithTheirFolderNames() throws IOException {
        write("handbook/onboarding.md", INSTALL);
        write("handbook/policies/leave.md", INSTALL);
        write("wiki/home.md", INSTALL);

        ScanResult result = new CorpusScanner(ScanOptions.builder()
                .root(dir.resolve("handbook")).root(dir.resolve("wiki")).build()).scan();

        assertThat(names(result)).containsExactly("handbook/onboarding.md", "handbook/policies/leave.md", "wiki/home.md");
    }

    @Test
    void rootsWithTheSameFolderNameAreDisambiguated() throws IOException {
        write("team-a/docs/setup.md", INSTALL);
        write("team-b/docs/setup.md", "# Setup for team B\n\nA different text.\n");
        write("team-c/docs/setup.md", "# Setup for team C\n\nYet another text.\n");

        ScanResult result = new CorpusScanner(ScanOptions.builder()
                .root(dir.resolve("team-a/docs")).root(dir.resolve("team-b/docs")).root(dir.resolve("team-c/docs"))
                .build()).scan();

        assertThat(names(result)).containsExactly("docs-2/setup.md", "docs-3/setup.md", "docs/setup.md");
        assertThat(result.files()).filteredOn(f -> f.file().equals("docs-2/setup.md")).singleElement()
                .extracting(SourceFile::path).isEqualTo(dir.resolve("team-b/docs/setup.md").toAbsolutePath().normalize());
    }

    @Test
    void rootThatIsASingleFileIsIndexedUnderItsName() throws IOException {
        Path file = write("notes/meeting-2024-03-01.md", INSTALL);
        write("notes/other.md", INSTALL);

        ScanResult result = scan(file);

        assertThat(names(result)).containsExactly("meeting-2024-03-01.md");
        assertThat(result.files().get(0).path()).isEqualTo(file.toAbsolutePath().normalize());
    }

    @Test
    void aFileRootBesideAFolderRootIsNamedByItsFileName() throws IOException {
        Path file = write("loose/summary.md", INSTALL);
        write("handbook/intro.md", INSTALL);

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir.resolve("handbook")).root(file).build()).scan();

        assertThat(names(result)).containsExactly("handbook/intro.md", "summary.md");
    }

    @Test
    void missingRootIsAnError() {
        Path missing = dir.resolve("no-such-folder");

        assertThatThrownBy(() -> scan(missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("folder not found: " + missing);
    }

    @Test
    void fileOverTheSizeLimitIsSkippedNamingTheLimit() throws IOException {
        write("small.md", INSTALL);
        write("huge.md", "# Export\n\n" + "The quarterly report lists every incident in detail.\n".repeat(60));

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir).maxFileBytes(2048).build()).scan();

        assertThat(names(result)).containsExactly("small.md");
        assertThat(reasonFor(result, "huge.md"))
                .startsWith("too large: 3.1 KB is over the 2.0 KB limit")
                .contains("raise the file size limit");
    }

    @Test
    void fileExactlyAtTheLimitIsKept() throws IOException {
        write("exact.md", "x".repeat(100));

        ScanResult result = new CorpusScanner(ScanOptions.builder().root(dir).maxFileBytes(100).build()).scan();

        assertThat(names(result)).containsExactly("exact.md");
    }

    @Test
    void symlinkLoopIsReportedAndTheScanEnds() throws IOException {
        write("guide/install.md", INSTALL);
        write("guide/nested/usage.md", INSTALL);
        Files.createSymbolicLink(dir.resolve("guide/nested/back-to-guide"), dir.resolve("guide"));

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("guide/install.md", "guide/nested/usage.md");
        assertThat(reasonFor(result, "guide/nested/back-to-guide")).contains("loop");
    }

    @Test
    void linkToTheRootItselfIsALoop() throws IOException {
        write("guide.md", INSTALL);
        Files.createSymbolicLink(dir.resolve("self"), dir);

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("guide.md");
        assertThat(skippedNames(result)).containsExactly("self");
        assertThat(reasonFor(result, "self")).contains("loop");
    }

    @Test
    void sameFileReachedThroughALinkIsSkippedOnceAsDuplicate() throws IOException {
        write("guide/install.md", INSTALL);
        // "a-link" sorts before "guide", so a walk that kept the first path it met could keep the link instead
        Files.createSymbolicLink(dir.resolve("a-link.md"), dir.resolve("guide/install.md"));

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("guide/install.md");
        assertThat(result.skipped()).singleElement().satisfies(s -> {
            assertThat(s.file()).isEqualTo("a-link.md");
            assertThat(s.reason()).contains("same file").contains("link");
        });
    }

    @Test
    void folderReachedThroughALinkYieldsDuplicatesNotSecondCopies() throws IOException {
        write("handbook/onboarding.md", INSTALL);
        write("handbook/leave.md", INSTALL);
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("handbook"));

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("handbook/leave.md", "handbook/onboarding.md");
        assertThat(skippedNames(result)).containsExactly("alias/leave.md", "alias/onboarding.md");
    }

    @Test
    void linkToAFileOutsideTheRootIsFollowed() throws IOException {
        Path outside = write("shared/glossary.md", INSTALL);
        write("kb/index.md", INSTALL);
        Files.createSymbolicLink(dir.resolve("kb/glossary.md"), outside);

        ScanResult result = scan(dir.resolve("kb"));

        assertThat(names(result)).containsExactly("glossary.md", "index.md");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void sameFileUnderTwoRootsIsIndexedOnce() throws IOException {
        write("docs/guide.md", INSTALL);

        ScanResult result = new CorpusScanner(ScanOptions.builder()
                .root(dir.resolve("docs")).root(dir.resolve("docs/guide.md")).build()).scan();

        assertThat(names(result)).containsExactly("docs/guide.md");
        assertThat(result.skipped()).singleElement().satisfies(s -> assertThat(s.reason()).contains("same file"));
    }

    @Test
    void brokenSymlinkIsReported() throws IOException {
        write("guide.md", INSTALL);
        Files.createSymbolicLink(dir.resolve("moved.md"), dir.resolve("archive/moved-away.md"));

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("guide.md");
        assertThat(reasonFor(result, "moved.md")).isEqualTo("broken symbolic link");
    }

    @Test
    void brokenSymlinkThatIsNotMarkdownIsIgnored() throws IOException {
        write("guide.md", INSTALL);
        Files.createSymbolicLink(dir.resolve("logo.png"), dir.resolve("gone.png"));

        ScanResult result = scan(dir);

        assertThat(names(result)).containsExactly("guide.md");
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void unreadableFolderIsSkippedAndTheRestIsScanned() throws IOException {
        write("public/guide.md", INSTALL);
        Path secret = write("secret/salaries.md", INSTALL).getParent();
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            ScanResult result = scan(dir);

            assertThat(names(result)).contains("public/guide.md");
            // Root (as in many containers) reads everything whatever the permissions say.
            assumeFalse(Files.isReadable(secret), "running with permissions that ignore chmod 000");
            assertThat(names(result)).containsExactly("public/guide.md");
            assertThat(reasonFor(result, "secret")).isEqualTo("cannot read: permission denied");
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void unreadableFileIsSkippedAndTheRestIsScanned() throws IOException {
        write("guide.md", INSTALL);
        Path locked = write("locked.md", INSTALL);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            ScanResult result = scan(dir);

            assertThat(names(result)).contains("guide.md");
            assumeFalse(Files.isReadable(locked), "running with permissions that ignore chmod 000");
            assertThat(names(result)).containsExactly("guide.md");
            assertThat(reasonFor(result, "locked.md")).isEqualTo("cannot read: permission denied");
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void unreadableRootIsReportedByItsName() throws IOException {
        Path root = write("kb/guide.md", INSTALL).getParent();
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("---------"));
        try {
            ScanResult result = scan(root);

            assumeFalse(Files.isReadable(root), "running with permissions that ignore chmod 000");
            assertThat(result.files()).isEmpty();
            assertThat(result.skipped()).singleElement().satisfies(s -> {
                assertThat(s.file()).isNotBlank();
                assertThat(s.reason()).isEqualTo("cannot read: permission denied");
            });
        } finally {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void emptyFolderGivesAnEmptyResult() {
        ScanResult result = scan(dir);

        assertThat(result.files()).isEmpty();
        assertThat(result.skipped()).isEmpty();
    }

    @Test
    void scanOptionsValidateTheirInput() {
        assertThatThrownBy(() -> ScanOptions.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at least one folder to index is required");
        assertThatThrownBy(() -> ScanOptions.builder().root(dir).include(List.of()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("at least one include pattern is required");
        assertThatThrownBy(() -> ScanOptions.builder().root(dir).maxFileBytes(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("the file size limit must be positive, got 0");
    }

    @Test
    void scanOptionsDefaults() {
        ScanOptions options = ScanOptions.builder().root(dir).build();

        assertThat(options.include()).containsExactly("*.md", "*.markdown");
        assertThat(options.exclude()).contains(".git", "node_modules", "target", "build", "dist");
        assertThat(options.maxFileBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(options.toBuilder().build()).isEqualTo(options);
    }
}
