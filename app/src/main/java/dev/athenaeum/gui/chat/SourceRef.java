package dev.athenaeum.gui.chat;

import dev.athenaeum.chat.ChatSource;
import dev.athenaeum.search.SearchHit;

import java.util.List;
import java.util.Objects;

/** A source an answer was written from, as history keeps it: enough to open the file at its lines again. */
public record SourceRef(int number, String file, List<String> headings, int startLine, int endLine) {

    public SourceRef {
        Objects.requireNonNull(file, "file");
        headings = headings == null ? List.of() : List.copyOf(headings);
    }

    static SourceRef of(ChatSource s) {
        SearchHit h = s.hit();
        return new SourceRef(s.number(), h.file(), h.headings(), h.startLine(), h.endLine());
    }

    /** A search hit pointing at the same lines, for the document view. */
    public SearchHit hit() {
        return new SearchHit(-1, file, headings, startLine, endLine, 0, "");
    }

    /** {@code [n] file > H1 (lines a-b)}. */
    public String label() {
        StringBuilder sb = new StringBuilder("[").append(number).append("] ").append(file);
        headings.forEach(h -> sb.append(" > ").append(h));
        return sb.append(" (lines ").append(startLine).append('-').append(endLine).append(')').toString();
    }
}
