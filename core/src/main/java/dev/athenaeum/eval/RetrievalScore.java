package dev.athenaeum.eval;

import dev.athenaeum.search.SearchMode;

import java.util.List;

/**
 * How well a search mode found the answers to a question set.
 *
 * @param ranks per question, the 1-based rank of the first relevant result, or 0 when none was in the results
 */
public record RetrievalScore(SearchMode mode, int questions, List<Integer> ranks) {

    public RetrievalScore {
        ranks = List.copyOf(ranks);
    }

    /** Share of questions with a relevant result among the first {@code k}. */
    public double recallAt(int k) {
        if (questions == 0) {
            return 0;
        }
        return ranks.stream().filter(r -> r > 0 && r <= k).count() / (double) questions;
    }

    /** Mean reciprocal rank of the first relevant result within the first {@code k} results. */
    public double mrrAt(int k) {
        if (questions == 0) {
            return 0;
        }
        return ranks.stream().filter(r -> r > 0 && r <= k).mapToDouble(r -> 1.0 / r).sum() / questions;
    }
}
