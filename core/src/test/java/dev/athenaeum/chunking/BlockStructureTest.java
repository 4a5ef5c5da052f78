package dev.athenaeum.chunking;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BlockStructureTest {

    /** Real markdown by people: the npm CLI documentation and Athenaeum's own user guide. */
    private static final List<Path> CORPORA = List.of(Path.of("../testdata/npm-docs"), Path.of("../samples/guide"));

    private static final Parser FULL = fullParser();

    @Test
    void blocksAreThoseOfAFullParseInEveryDocument() throws IOException {
        Parser blocks = BlockStructure.parser();
        int files = 0;
        int tables = 0;
        for (Path file : markdownFiles()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> expected = outline(FULL.parse(text));
            assertThat(outline(blocks.parse(text))).as(file.toString()).isEqualTo(expected);
            tables += (int) expected.stream().filter(s -> s.contains(" TableBlock ")).count();
            files++;
        }
        assertThat(files).isGreaterThan(90);
        // Tables need more than block parsing to be found (their cells are parsed inline).
        assertThat(tables).isGreaterThan(0);
    }

    /** Link reference definitions (the Node.js docs end every file with a run of them) are found at block level too. */
    @Test
    void trailingLinkDefinitionsAreNoParagraph() {
        String text = "Test it:\n\n```js\nx\n```\n\n[Electron]: https://electronjs.org/\n[`Worker`]: worker_threads.md\n";
        List<String> outline = outline(BlockStructure.parser().parse(text));
        assertThat(outline).isEqualTo(outline(FULL.parse(text)));
        assertThat(outline).containsExactly(
                "0 Paragraph 0-9", "0 FencedCodeBlock 10-21", "0 Reference 23-58", "0 Reference 59-88");
    }

    /** Every way a line can look like a heading, or nearly: the same blocks, levels and offsets as a full parse. */
    @Test
    void headingsAreFoundAsAFullParseFindsThem() {
        String text = """
                Setext one
                ==========

                Setext two
                ---

                ---

                A paragraph
                - a list item, not an underline

                #hashtag is text
                #
                ## Closed ##
                   ### Indented three
                    # indented code

                > # In a quote
                > Quote underline
                > ---

                - # In a list item
                - Item text
                  ---

                | a | b |
                |---|---|
                | 1 | 2 |
                ===

                ```
                # not a heading
                ```
                """;
        List<String> outline = outline(BlockStructure.parser().parse(text));
        assertThat(outline).isEqualTo(outline(FULL.parse(text)));
        // Ten, the last a table read as a setext heading's text (flexmark's reading, kept).
        assertThat(outline).filteredOn(s -> s.contains("Heading")).hasSize(10);
    }

    @Test
    void inlineContentIsLeftAsText() {
        Node doc = BlockStructure.parser().parse("# Set *up* `npm`\n\nA [link](https://example.com) and **bold**.\n");
        Node heading = doc.getFirstChild();
        Node paragraph = heading.getNext();
        assertThat(heading.getChars().toString()).isEqualTo("# Set *up* `npm`");
        assertThat(heading.getFirstChild()).isNull();
        assertThat(paragraph.getFirstChild()).isNull();
        assertThat(paragraph.getChars().toString()).startsWith("A [link](https://example.com)");
    }

    private static Parser fullParser() {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(TablesExtension.create()));
        return Parser.builder(options).build();
    }

    /** Every block and link reference definition with its type and source offsets, depth first. */
    private static List<String> outline(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, 0, out);
        return out;
    }

    private static void collect(Node node, int depth, List<String> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Block || child instanceof Reference) {
                String level = child instanceof Heading h ? " h" + h.getLevel() : "";
                out.add(depth + " " + child.getClass().getSimpleName() + level + " " + child.getStartOffset() + "-"
                        + child.getEndOffset());
                collect(child, depth + 1, out);
            }
        }
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : CORPORA) {
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
