package dev.athenaeum.search;

import dev.athenaeum.index.KeywordTerms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds the words of a text that match a query's words, the way keyword search matches them. */
public final class Highlighter {

    /** Characters {@code [start, end)} of the text to mark. */
    public record Range(int start, int end) {
    }

    private final Set<String> terms = new HashSet<>();

    public Highlighter(String query) {
        KeywordTerms.tokens(query == null ? "" : query).forEach(t -> terms.add(t.term()));
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Matching ranges in order; overlapping or touching ones (an identifier and its parts) are merged. */
    public List<Range> ranges(String text) {
        List<Range> found = new ArrayList<>();
        if (terms.isEmpty()) {
            return found;
        }
        for (KeywordTerms.Token t : KeywordTerms.tokens(text)) {
            if (terms.contains(t.term())) {
                found.add(new Range(t.start(), t.end()));
            }
        }
        found.sort(Comparator.comparingInt(Range::start));
        List<Range> merged = new ArrayList<>();
        for (Range r : found) {
            Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && r.start() <= last.end()) {
                merged.set(merged.size() - 1, new Range(last.start(), Math.max(last.end(), r.end())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }
}
