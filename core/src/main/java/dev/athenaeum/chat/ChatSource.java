package dev.athenaeum.chat;

import dev.athenaeum.search.SearchHit;

import java.util.Objects;

/** A retrieved passage shown to the model as source {@code [number]}; answers cite it by that number. */
public record ChatSource(int number, SearchHit hit) {

    public ChatSource {
        if (number < 1) {
            throw new IllegalArgumentException("source numbers start at 1, got " + number);
        }
        Objects.requireNonNull(hit, "hit");
    }

    /** {@code file > H1 > H2 (lines a-b)}: how a person finds the passage again. */
    public String location() {
        StringBuilder sb = new StringBuilder(hit.file());
        for (String h : hit.headings()) {
            sb.append(" > ").append(h);
        }
        return sb.append(" (lines ").append(hit.startLine()).append('-').append(hit.endLine()).append(')').toString();
    }
}
