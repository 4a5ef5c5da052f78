package dev.athenaeum.chunking;

import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Block;
import com.vladsch.flexmark.util.ast.Node;
import dev.athenaeum.corpus.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a markdown document into chunks that follow its structure: every heading starts a chunk, chunks end at
 * block boundaries, and code blocks and tables stay whole unless one alone exceeds the chunk size. Chunks are exact
 * slices of the source, so together they hold every character of the document's text.
 *
 * <p>Thread-safe; one instance serves a whole build.
 */
public final class MarkdownChunker {

    private final ChunkSettings settings;
    private final TextTokenizer tokenizer;
    private final Parser parser;

    public MarkdownChunker(ChunkSettings settings, TextTokenizer tokenizer) {
        this.settings = settings;
        this.tokenizer = tokenizer;
        this.parser = BlockStructure.parser();
    }

    public ChunkSettings settings() {
        return settings;
    }

    public List<Chunk> chunk(Document document) {
        return chunk(document.file(), document.text());
    }

    public List<Chunk> chunk(String file, String text) {
        Node root = parser.parse(text);
        LineIndex lines = new LineIndex(text);
        SectionPacker packer = new SectionPacker(file, text, lines, settings, tokenizer);
        BlockSplitter splitter = new BlockSplitter(tokenizer, settings.chunkSize());
        HeadingTrail trail = new HeadingTrail();
        int covered = 0;
        for (Node node = root.getFirstChild(); node != null; node = node.getNext()) {
            int start = Math.max(node.getStartOffset(), covered);
            int end = node.getEndOffset();
            if (end <= start) {
                continue;
            }
            covered = end;
            if (node instanceof Heading heading) {
                List<String> headings = trail.enter(heading.getLevel(), headingText(heading));
                Unit unit = unit(text, start, end, false, true);
                if (unit != null && unit.tokens() > settings.chunkSize()) {
                    packer.startSection(headings, null);
                    splitter.bySentences(text, start, end).forEach(packer::add);
                } else {
                    packer.startSection(headings, unit);
                }
                continue;
            }
            for (Unit unit : units(node, text, start, end, splitter)) {
                packer.add(unit);
            }
        }
        if (covered < text.length()) {
            // Text the parser attached to no block (rare: trailing link definitions and the like) is kept too.
            for (Unit unit : splitter.bySentences(text, covered, text.length())) {
                packer.add(unit);
            }
        }
        return packer.finish();
    }

    private List<Unit> units(Node node, String text, int start, int end, BlockSplitter splitter) {
        Unit whole = unit(text, start, end, reusable(node), false);
        if (whole == null) {
            return List.of();
        }
        if (whole.tokens() <= settings.chunkSize()) {
            return List.of(whole);
        }
        if (isCodeOrTable(node)) {
            return splitter.byLines(text, start, end);
        }
        if (node instanceof Paragraph || !(node.getFirstChild() instanceof Block)) {
            return splitter.bySentences(text, start, end);
        }
        // A list, list item, block quote or similar container: its paragraphs, code blocks and sub-lists in turn,
        // even when it has a single child (a list item holding only a code block is still code).
        List<Unit> out = new ArrayList<>();
        int covered = start;
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            int childEnd = Math.max(covered, child.getEndOffset());
            out.addAll(units(child, text, covered, childEnd, splitter));
            covered = childEnd;
        }
        if (covered < end) {
            out.addAll(splitter.bySentences(text, covered, end));
        }
        return out;
    }

    private static boolean isCodeOrTable(Node node) {
        return node instanceof FencedCodeBlock || node instanceof IndentedCodeBlock || node instanceof TableBlock;
    }

    /** Prose may be repeated as overlap; code and tables, or blocks holding them, may not. */
    private static boolean reusable(Node node) {
        if (isCodeOrTable(node)) {
            return false;
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Block && !reusable(child)) {
                return false;
            }
        }
        return true;
    }

    private Unit unit(String text, int start, int end, boolean reusable, boolean heading) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start >= end) {
            return null;
        }
        return new Unit(start, end, tokenizer.count(text.substring(start, end)), reusable, heading);
    }

    private static String headingText(Heading heading) {
        String t = heading.getText().toString().strip();
        return t.isEmpty() ? heading.getChars().toString().replaceAll("^#+", "").strip() : t;
    }
}
