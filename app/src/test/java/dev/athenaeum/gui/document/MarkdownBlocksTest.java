package dev.athenaeum.gui.document;

import dev.athenaeum.search.Highlighter;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MarkdownBlocksTest {

    private static final String MARKDOWN = """
            # Keeping up to date

            Run the **index** command _again_ after [editing](x.md) notes.

            ## Lists

            - first
              - nested `code`
            1. one

            ```bash
            ./athenaeum index
            ```

            > quoted

            | a | b |
            |---|---|
            | 1 | 2 |

            ---
            """;

    @Test
    void blocksKeepTheirKindLevelTextAndLine() {
        List<Block> blocks = MarkdownBlocks.parse(MARKDOWN);

        assertThat(blocks).extracting(Block::kind).containsExactly(Block.Kind.HEADING, Block.Kind.PARAGRAPH,
                Block.Kind.HEADING, Block.Kind.LIST_ITEM, Block.Kind.LIST_ITEM, Block.Kind.LIST_ITEM, Block.Kind.CODE,
                Block.Kind.QUOTE, Block.Kind.TABLE, Block.Kind.RULE);
        assertThat(blocks.get(0)).extracting(Block::level, Block::text, Block::startLine).containsExactly(1, "Keeping up to date", 1);
        assertThat(blocks.get(1).text()).isEqualTo("Run the index command again after editing notes.");
        assertThat(blocks.get(1).startLine()).isEqualTo(3);
        assertThat(blocks.get(4)).extracting(Block::level, Block::marker, Block::text).containsExactly(1, "•", "nested code");
        assertThat(blocks.get(5).marker()).isEqualTo("1.");
        assertThat(blocks.get(6).text()).isEqualTo("./athenaeum index");
        assertThat(blocks.get(8).text()).isEqualTo("a  │  b\n1  │  2");
    }

    @Test
    void inlineMarkupEscapesEntitiesAndLinksBecomeTheirWords() {
        List<Block> blocks = MarkdownBlocks.parse("""
                # Using `athenaeum index` \\[beta\\]

                Run **athenaeum index** again \\[1\\]. Tom &amp; Jerry, see <https://example.org>
                or [the guide](guide.md),\\
                then *rest*.
                """);

        assertThat(blocks).extracting(Block::text).containsExactly(
                "Using athenaeum index [beta]",
                "Run athenaeum index again [1]. Tom & Jerry, see https://example.org or the guide, then rest.");
    }

    @Test
    void aResultLineFallsInTheBlockThatContainsIt() {
        List<Block> blocks = MarkdownBlocks.parse(MARKDOWN);

        assertThat(MarkdownBlocks.blockAt(blocks, 1)).isZero();
        assertThat(MarkdownBlocks.blockAt(blocks, 4)).isEqualTo(1);
        assertThat(MarkdownBlocks.blockAt(blocks, 5)).isEqualTo(2);
        assertThat(MarkdownBlocks.blockAt(List.of(), 5)).isEqualTo(-1);
    }

    @Test
    void queryWordsAreMarkedInEveryBlock() {
        List<Block> marked = MarkdownBlocks.mark(MarkdownBlocks.parse(MARKDOWN), new Highlighter("index"));

        Block paragraph = marked.get(1);
        assertThat(paragraph.marks()).singleElement()
                .satisfies(r -> assertThat(paragraph.text().substring(r.start(), r.end())).isEqualTo("index"));
        assertThat(marked.get(0).marks()).isEmpty();
    }
}
