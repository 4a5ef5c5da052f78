package dev.athenaeum.gui.tuning;

import dev.athenaeum.chunking.ChunkSettings;
import dev.athenaeum.eval.RetrievalScore;

import java.util.List;
import java.util.Locale;

/**
 * Ranks of the answers of every test question, with the last build's index and with the current settings' trial
 * index; a question that could not be asked has a note instead (and no ranks).
 *
 * @param last         null when the knowledge base has no index yet
 * @param lastSettings the chunk settings the last build used, or null
 */
public record Evaluation(RetrievalScore last, ChunkSettings lastSettings, RetrievalScore current,
                         ChunkSettings currentSettings, List<Integer> asked, List<String> notes, long trialMillis,
                         int trialChunksEmbedded) {

    public Evaluation {
        asked = List.copyOf(asked);
        notes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(notes));
    }

    /** "recall@5 75% · MRR 0.62" */
    static String describe(RetrievalScore score, int k) {
        if (score == null) {
            return "no index yet";
        }
        return String.format(Locale.ROOT, "recall@%d %.0f%% · MRR %.2f", k, 100 * score.recallAt(k),
                score.mrrAt(dev.athenaeum.eval.RetrievalEvaluator.DEPTH));
    }
}
