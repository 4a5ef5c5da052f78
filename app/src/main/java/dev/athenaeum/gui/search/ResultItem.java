package dev.athenaeum.gui.search;

import dev.athenaeum.search.Highlighter;
import dev.athenaeum.search.SearchHit;

import java.util.List;
import java.util.Locale;

/** A search result as the list shows it; made in the background, with the snippet's marks already found. */
public record ResultItem(SearchHit hit, String location, String breadcrumb, String score, List<Snippet.Piece> snippet) {

    public static ResultItem of(SearchHit hit, Highlighter highlighter) {
        String location = hit.file() + ":" + hit.startLine() + "–" + hit.endLine();
        return new ResultItem(hit, location, String.join(" › ", hit.headings()),
                String.format(Locale.ROOT, "%.3f", hit.score()), Snippet.of(hit.text(), highlighter));
    }

    /** All of it as one line, for screen readers and tests. */
    public String accessibleText() {
        StringBuilder sb = new StringBuilder(location).append(", score ").append(score);
        if (!breadcrumb.isEmpty()) {
            sb.append(", ").append(breadcrumb);
        }
        snippet.forEach(p -> sb.append(p.text()));
        return sb.toString();
    }
}
