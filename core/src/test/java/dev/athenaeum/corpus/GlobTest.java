package dev.athenaeum.corpus;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GlobTest {

    @Nested
    class SegmentPatterns {

        @ParameterizedTest
        @ValueSource(strings = {
                "node_modules",
                "node_modules/lodash/README.md",
                "packages/web/node_modules/react/README.md",
                "a/b/c/node_modules"})
        void folderNameMatchesAtAnyDepth(String path) {
            assertThat(Glob.of("node_modules").matches(path)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "node_modules_backup/README.md",
                "my-node_modules/README.md",
                "docs/node-modules.md",
                "docs/about node_modules.md"})
        void folderNameMustMatchAWholeSegment(String path) {
            assertThat(Glob.of("node_modules").matches(path)).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {"README.md", "guide/install.md", "a/b/c/d/e/changelog.md", ".hidden.md"})
        void starDotMdMatchesMarkdownFilesAtAnyDepth(String path) {
            assertThat(Glob.of("*.md").matches(path)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"README.mdx", "notes.md.bak", "guide/install.markdown", "guide/image.png", "md"})
        void starDotMdRejectsOtherExtensions(String path) {
            assertThat(Glob.of("*.md").matches(path)).isFalse();
        }

        @Test
        void matchesNameLooksAtTheFileNameOnly() {
            Glob md = Glob.of("*.md");
            assertThat(md.matchesName("install.md")).isTrue();
            assertThat(md.matchesName("install.txt")).isFalse();
        }

        @Test
        void pathPatternsNeverMatchABareName() {
            assertThat(Glob.of("docs/*.md").matchesName("intro.md")).isFalse();
        }

        @Test
        void trailingSlashMeansTheSameFolderName() {
            Glob build = Glob.of("build/");
            assertThat(build.matches("build")).isTrue();
            assertThat(build.matches("app/build/output.md")).isTrue();
            assertThat(build.matches("builder/notes.md")).isFalse();
            assertThat(build.toString()).isEqualTo("build/");
        }

        @Test
        void questionMarkAndCharacterClassesWork() {
            assertThat(Glob.of("draft-?.md").matches("notes/draft-1.md")).isTrue();
            assertThat(Glob.of("draft-?.md").matches("notes/draft-12.md")).isFalse();
            assertThat(Glob.of("v[0-9].md").matches("releases/v7.md")).isTrue();
            assertThat(Glob.of("v[0-9].md").matches("releases/vx.md")).isFalse();
            assertThat(Glob.of("*.{md,markdown}").matches("a/readme.markdown")).isTrue();
        }

        @Test
        void surroundingWhitespaceIsIgnored() {
            assertThat(Glob.of("  *.md ").matches("guide/install.md")).isTrue();
        }
    }

    @Nested
    class PathPatterns {

        @ParameterizedTest
        @CsvSource({
                "docs/guide/install.md, true",
                "docs/a/b/c/deep.md, true",
                // gitignore: "/**/" also matches no folder at all
                "docs/intro.md, true",
                "docs/guide/diagram.png, false",
                "notes/docs/guide/install.md, false",
                "documents/guide/install.md, false"})
        void doubleStarInTheMiddleSpansAnyNumberOfFolders(String path, boolean expected) {
            assertThat(Glob.of("docs/**/*.md").matches(path)).as(path).isEqualTo(expected);
        }

        @ParameterizedTest
        @CsvSource({
                "drafts/plan.md, true",
                "notes/drafts/plan.md, true",
                "a/b/c/drafts/plan.md, true",
                "notes/drafts, false",
                "notes/draftsman/plan.md, false",
                "notes/plan.md, false"})
        void leadingDoubleStarAlsoMatchesAtTheRoot(String path, boolean expected) {
            assertThat(Glob.of("**/drafts/*").matches(path)).as(path).isEqualTo(expected);
        }

        @Test
        void singleStarDoesNotCrossFolders() {
            Glob g = Glob.of("docs/*.md");
            assertThat(g.matches("docs/intro.md")).isTrue();
            assertThat(g.matches("docs/guide/install.md")).isFalse();
        }

        @Test
        void pathPatternIsAnchoredAtTheRoot() {
            Glob g = Glob.of("archive/2019");
            assertThat(g.matches("archive/2019")).isTrue();
            assertThat(g.matches("notes/archive/2019")).isFalse();
        }

        @Test
        void leadingSlashAnchorsAPlainNameToTheRoot() {
            Glob g = Glob.of("/drafts");
            assertThat(g.matches("drafts")).isTrue();
            assertThat(g.matches("notes/drafts")).isFalse();
            assertThat(g.matches("notes/drafts/plan.md")).isFalse();
        }

        @Test
        void leadingSlashIsOptionalForPathPatterns() {
            assertThat(Glob.of("/docs/*.md").matches("docs/intro.md")).isTrue();
            assertThat(Glob.of("/docs/*.md").matches("x/docs/intro.md")).isFalse();
        }

        @Test
        void severalDoubleStarsEachMayMatchNothing() {
            Glob g = Glob.of("**/docs/**/*.md");
            assertThat(g.matches("docs/intro.md")).isTrue();
            assertThat(g.matches("site/docs/intro.md")).isTrue();
            assertThat(g.matches("docs/guide/intro.md")).isTrue();
            assertThat(g.matches("site/docs/guide/v2/intro.md")).isTrue();
            assertThat(g.matches("site/intro.md")).isFalse();
        }
    }

    @Test
    void anyMatchesIsTrueWhenOneOfSeveralMatches() {
        List<Glob> globs = Glob.all(List.of("node_modules", "**/drafts/*"));
        assertThat(Glob.anyMatches(globs, "notes/drafts/plan.md")).isTrue();
        assertThat(Glob.anyMatches(globs, "web/node_modules/x.md")).isTrue();
        assertThat(Glob.anyMatches(globs, "notes/plan.md")).isFalse();
        assertThat(Glob.anyMatches(List.of(), "notes/plan.md")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[abc", "docs/[a-", "{a,{b,c}}"})
    void invalidPatternFailsWithTheUsersPatternInTheMessage(String pattern) {
        assertThatThrownBy(() -> Glob.of(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid glob pattern '" + pattern + "': ");
    }

    @Test
    void patternWithTooManyDoubleStarsIsRejected() {
        String pattern = "a/**/**/**/**/**/**/**/**/**/b.md";
        assertThatThrownBy(() -> Glob.of(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid glob pattern '" + pattern + "': too many ** (at most 8)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void emptyPatternIsRejected(String pattern) {
        assertThatThrownBy(() -> Glob.of(pattern))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a glob pattern must not be empty");
    }

    @Test
    void nullPatternIsRejected() {
        assertThatThrownBy(() -> Glob.of(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a glob pattern must not be empty");
    }

    @Test
    void scanOptionsRejectAnInvalidExcludePattern() {
        assertThatThrownBy(() -> ScanOptions.builder().root(java.nio.file.Path.of(".")).exclude(List.of("drafts/[x")).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'drafts/[x'");
    }
}
