package dev.athenaeum.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void splitsAtHeadingsOfOneLevelOutsideCodeFences() {
        String md = """
                # Title
                intro
                ## One
                text
                ```bash
                ## not a heading
                ```
                ### Sub
                more
                ## Two
                end
                """;
        List<String> parts = Texts.splitAtHeadings(md, 2);
        assertThat(parts).hasSize(3);
        assertThat(parts.get(0)).startsWith("# Title");
        assertThat(parts.get(1)).startsWith("## One").contains("## not a heading", "### Sub");
        assertThat(parts.get(2)).startsWith("## Two");
        assertThat(String.join("", parts)).isEqualTo(md + "\n");
        assertThat(Texts.splitAtHeadings(parts.get(1), 3)).hasSize(2);
    }

    @Test
    void slugs() {
        assertThat(Texts.slug("## Class: `fs.Dir`\ntext")).isEqualTo("class-fs-dir");
        assertThat(Texts.slug("plain text")).isEqualTo("intro");
    }

    @Test
    void passagesOverlapAndCoverTheEnd() {
        String text = String.join(" ", java.util.stream.IntStream.range(0, 25).mapToObj(i -> "w" + i).toList());
        List<String> p = Texts.passages(text, 10, 5, 3);
        assertThat(p).first().isEqualTo("w0 w1 w2 w3 w4 w5 w6 w7 w8 w9");
        assertThat(p).hasSize(4);
        assertThat(p.get(3)).endsWith("w24");
        assertThat(Texts.passages("a b", 10, 5, 3)).isEmpty();
        assertThat(Texts.passages("a b c", 10, 5, 3)).containsExactly("a b c");
    }

    @Test
    void corpusIsRefinedToTheWantedNumberOfFiles() {
        List<CorpusMaker.Item> items = List.of(
                new CorpusMaker.Item("npm/a.md", "# A\n".repeat(50), 1),
                new CorpusMaker.Item("node/x/000-big.md", "## Big\nx\n### One\n" + "y\n".repeat(40) + "### Two\nz\n### Three\nw\n", 2),
                new CorpusMaker.Item("node/x/001-small.md", "## Small\nx\n", 2));
        List<CorpusMaker.Item> five = CorpusMaker.refine(items, 5);
        assertThat(five).extracting(CorpusMaker.Item::path).containsExactly("npm/a.md", "node/x/000-big-00.md",
                "node/x/000-big-01.md", "node/x/000-big-02.md", "node/x/000-big-03.md");
        assertThat(CorpusMaker.refine(items, 2)).hasSize(2);
        assertThat(CorpusMaker.refine(items, 50)).hasSize(6);
    }

    @Test
    void queriesAreToppedUpWithDistinctVariants() {
        List<String> q = QuerySet.build(List.of("how do I publish a scoped package?", "delete a folder recursively"), 6, 1);
        assertThat(q).hasSize(6).doesNotHaveDuplicates().startsWith("how do I publish a scoped package?");
    }
}
