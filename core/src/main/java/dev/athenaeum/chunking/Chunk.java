package dev.athenaeum.chunking;

import java.util.List;

/**
 * A piece of a document: the exact source text between two line positions, with where it sits in the heading
 * outline.
 *
 * @param file      the document's name in the index ({@code /}-separated, relative to its root)
 * @param headings  the heading breadcrumb, outermost first (H1 > H2 > H3 …); empty before the first heading
 * @param startLine 1-based line of the chunk's first character in the source file
 * @param endLine   1-based line of the chunk's last character (inclusive)
 * @param text      the source text, unchanged
 * @param tokens    the embedding model's token count of {@code text}
 */
public record Chunk(String file, List<String> headings, int startLine, int endLine, String text, int tokens) {

    public Chunk {
        headings = List.copyOf(headings);
        if (startLine < 1 || endLine < startLine) {
            throw new IllegalArgumentException("bad line range " + startLine + "-" + endLine + " in " + file);
        }
    }

    /** The breadcrumb as people read it: {@code Guide > Install > Linux}. */
    public String breadcrumb() {
        return String.join(" > ", headings);
    }
}
