package dev.athenaeum.gui.search;

import dev.athenaeum.gui.document.MarkdownBlocks;
import dev.athenaeum.search.Highlighter;

import java.util.ArrayList;
import java.util.List;

/**
 * A short excerpt of a result's text around its first matching word, as plain and marked pieces. Markdown syntax
 * and line breaks are dropped: a list of results is for scanning, the document view shows the layout.
 */
public final class Snippet {

    static final int LENGTH = 240;
    /** How much text may come before the first match, so it reads in context. */
    static final int LEAD = 60;

    /** A run of text, marked when it matched the query. */
    public record Piece(String text, boolean marked) {
    }

    private Snippet() {
    }

    public static List<Piece> of(String text, Highlighter highlighter) {
        String flat = MarkdownBlocks.plainText(text).replaceAll("\\s+", " ").strip();
        List<Highlighter.Range> ranges = highlighter.ranges(flat);
        int from = ranges.isEmpty() ? 0 : wordStart(flat, Math.max(0, ranges.get(0).start() - LEAD));
        int to = Math.min(flat.length(), from + LENGTH);
        if (to < flat.length()) {
            int space = flat.lastIndexOf(' ', to);
            to = space > from + LENGTH / 2 ? space : to;
        }
        List<Piece> pieces = new ArrayList<>();
        if (from > 0) {
            pieces.add(new Piece("…", false));
        }
        int pos = from;
        for (Highlighter.Range r : ranges) {
            if (r.end() <= from || r.start() >= to) {
                continue;
            }
            int start = Math.max(r.start(), from);
            int end = Math.min(r.end(), to);
            if (start > pos) {
                pieces.add(new Piece(flat.substring(pos, start), false));
            }
            pieces.add(new Piece(flat.substring(start, end), true));
            pos = end;
        }
        if (pos < to) {
            pieces.add(new Piece(flat.substring(pos, to), false));
        }
        if (to < flat.length()) {
            pieces.add(new Piece("…", false));
        }
        return pieces;
    }

    private static int wordStart(String s, int at) {
        if (at == 0) {
            return 0;
        }
        int space = s.indexOf(' ', at);
        return space < 0 ? at : space + 1;
    }
}
