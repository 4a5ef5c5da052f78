package dev.athenaeum.gui.document;

import dev.athenaeum.search.Highlighter;

import java.util.List;

/**
 * One block of a rendered markdown file: its kind, plain text (inline markup removed), where it starts in the file
 * and which characters match the search.
 *
 * @param level     heading level (1–6), or list nesting depth (0 at the top)
 * @param marker    a list item's bullet or number, otherwise empty
 * @param startLine 1-based, as in search results
 */
public record Block(Kind kind, int level, String marker, String text, int startLine, List<Highlighter.Range> marks) {

    public enum Kind { HEADING, PARAGRAPH, LIST_ITEM, QUOTE, CODE, TABLE, RULE }

    public Block {
        marks = List.copyOf(marks);
    }

    Block withMarks(List<Highlighter.Range> newMarks) {
        return new Block(kind, level, marker, text, startLine, newMarks);
    }
}
