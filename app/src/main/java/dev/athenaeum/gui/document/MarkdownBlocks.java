package dev.athenaeum.gui.document;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.athenaeum.chunking.HeadingStarts;
import dev.athenaeum.search.Highlighter;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown to {@link Block}s with flexmark, the parser the chunker uses, so headings and lines agree with search
 * results. Inline markup becomes plain text: the view shows the words, not the syntax.
 */
public final class MarkdownBlocks {

    private static final Parser PARSER;

    static {
        MutableDataSet options = new MutableDataSet();
        options.set(Parser.EXTENSIONS, List.of(com.vladsch.flexmark.ext.tables.TablesExtension.create()));
        // A file with a long table is shown in linear time, as it is chunked (see HeadingStarts).
        PARSER = HeadingStarts.parserBuilder(options).build();
    }

    private MarkdownBlocks() {
    }

    public static List<Block> parse(String markdown) {
        List<Block> out = new ArrayList<>();
        collect(PARSER.parse(markdown), 0, out);
        return out;
    }

    /**
     * The words of a piece of markdown without its syntax, for snippets. Headings are left out when there is more
     * (the breadcrumb names them).
     */
    public static String plainText(String markdown) {
        List<Block> blocks = parse(markdown);
        List<Block> body = blocks.stream().filter(b -> b.kind() != Block.Kind.HEADING && b.kind() != Block.Kind.RULE).toList();
        return String.join(" ", (body.isEmpty() ? blocks : body).stream().map(Block::text).toList());
    }

    /** The same blocks with the words matching {@code highlighter} marked. */
    public static List<Block> mark(List<Block> blocks, Highlighter highlighter) {
        return blocks.stream().map(b -> b.withMarks(highlighter.ranges(b.text()))).toList();
    }

    /** The block a search result starting at {@code line} falls in: the last one starting at or before it. */
    public static int blockAt(List<Block> blocks, int line) {
        int found = blocks.isEmpty() ? -1 : 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).startLine() <= line) {
                found = i;
            }
        }
        return found;
    }

    private static void collect(Node node, int depth, List<Block> out) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            switch (child) {
                case Heading h -> out.add(block(Block.Kind.HEADING, h.getLevel(), "", text(h), h));
                case Paragraph p -> out.add(block(Block.Kind.PARAGRAPH, 0, "", text(p), p));
                case FencedCodeBlock c -> out.add(block(Block.Kind.CODE, 0, "", trimEnd(c.getContentChars().toString()), c));
                case IndentedCodeBlock c -> out.add(block(Block.Kind.CODE, 0, "", trimEnd(c.getContentChars().toString()), c));
                case HtmlBlock h -> out.add(block(Block.Kind.CODE, 0, "", trimEnd(h.getChars().toString()), h));
                case BlockQuote q -> out.add(block(Block.Kind.QUOTE, 0, "", text(q), q));
                case ThematicBreak t -> out.add(block(Block.Kind.RULE, 0, "", "", t));
                case TableBlock t -> out.add(block(Block.Kind.TABLE, 0, "", table(t), t));
                case ListBlock list -> items(list, depth, out);
                default -> collect(child, depth, out);
            }
        }
    }

    private static void items(ListBlock list, int depth, List<Block> out) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem li)) {
                continue;
            }
            String marker = li instanceof OrderedListItem o ? o.getOpeningMarker().toString() : "•";
            StringBuilder text = new StringBuilder();
            for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                if (!(c instanceof ListBlock)) {
                    text.append(text.isEmpty() ? "" : " ").append(text(c));
                }
            }
            out.add(block(Block.Kind.LIST_ITEM, depth, li instanceof BulletListItem ? "•" : marker, text.toString(), li));
            for (Node c = li.getFirstChild(); c != null; c = c.getNext()) {
                if (c instanceof ListBlock nested) {
                    items(nested, depth + 1, out);
                }
            }
        }
    }

    private static String table(TableBlock table) {
        List<String> rows = new ArrayList<>();
        table.getDescendants().forEach(n -> {
            // The |---| line is a row of the separator section; it has no text to show.
            if (n instanceof TableRow row && !(row.getParent() instanceof TableSeparator)) {
                List<String> cells = new ArrayList<>();
                row.getChildren().forEach(c -> {
                    if (c instanceof TableCell cell) {
                        cells.add(text(cell));
                    }
                });
                rows.add(String.join("  │  ", cells));
            }
        });
        return String.join("\n", rows);
    }

    /**
     * The words of a block. Collected here rather than with flexmark's TextCollectingVisitor, which keeps the
     * closing {@code **} of bold text when the paragraph also has an escaped character such as <code>\[</code>.
     */
    private static String text(Node node) {
        StringBuilder words = new StringBuilder();
        for (Node n : node.getDescendants()) {
            switch (n) {
                case com.vladsch.flexmark.ast.Text t -> words.append(t.getChars().unescape());
                case HtmlEntity e -> words.append(e.getChars().unescape());
                case AutoLink l -> words.append(l.getText());
                case SoftLineBreak b -> words.append(' ');
                case HardLineBreak b -> words.append(' ');
                default -> { }
            }
        }
        return words.toString().strip().replaceAll("\\s+", " ");
    }

    private static String trimEnd(String s) {
        return s.stripTrailing();
    }

    private static Block block(Block.Kind kind, int level, String marker, String text, Node node) {
        return new Block(kind, level, marker, text, node.getStartLineNumber() + 1, List.of());
    }
}
