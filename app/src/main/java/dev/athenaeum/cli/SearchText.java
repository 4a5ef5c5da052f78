package dev.athenaeum.cli;

import dev.athenaeum.search.SearchHit;

import java.util.List;
import java.util.Locale;

/** Search results for people: rank, score, where, the heading trail, and the opening lines of the text. */
final class SearchText {

    static final int PREVIEW_LINES = 3;
    static final int PREVIEW_WIDTH = 100;
    private static final String NL = System.lineSeparator();

    private SearchText() {
    }

    static String format(String query, List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return "no results for \"" + query + "\"" + NL;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            if (i > 0) {
                sb.append(NL);
            }
            sb.append(String.format(Locale.ROOT, "%d. [%.4f] %s:%d-%d", i + 1, h.score(), h.file(), h.startLine(), h.endLine()))
                    .append(NL);
            if (!h.headings().isEmpty()) {
                sb.append("   ").append(String.join(" > ", h.headings())).append(NL);
            }
            preview(h.text()).forEach(line -> sb.append("      ").append(line).append(NL));
        }
        return sb.toString();
    }

    /** The first non-blank lines, cut to a width that does not wrap in a normal terminal. */
    static List<String> preview(String text) {
        return text.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).limit(PREVIEW_LINES)
                .map(l -> l.length() > PREVIEW_WIDTH ? l.substring(0, PREVIEW_WIDTH - 1) + "…" : l)
                .toList();
    }
}
