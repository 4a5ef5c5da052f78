package dev.athenaeum.search;

import java.util.List;

/**
 * One result: where it is (file, heading breadcrumb, lines), how well it matched, and the chunk's text.
 * Scores compare within one result list; their scale depends on the mode.
 */
public record SearchHit(int chunkId, String file, List<String> headings, int startLine, int endLine, double score, String text) {

    public SearchHit {
        headings = List.copyOf(headings);
    }
}
