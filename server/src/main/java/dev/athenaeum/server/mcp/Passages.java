package dev.athenaeum.server.mcp;

import dev.athenaeum.chat.ChatSource;
import dev.athenaeum.search.SearchHit;

import java.util.List;
import java.util.Locale;

/** Search results as text a model reads well: one numbered block per passage, its location first. */
final class Passages {

    private Passages() {
    }

    static String format(List<SearchHit> hits) {
        if (hits.isEmpty()) {
            return "No passage matches.";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            sb.append('[').append(i + 1).append("] ").append(new ChatSource(i + 1, h).location())
                    .append(String.format(Locale.ROOT, " score %.3f%n", h.score()))
                    .append(h.text().strip()).append("\n\n");
        }
        return sb.toString().stripTrailing();
    }
}
