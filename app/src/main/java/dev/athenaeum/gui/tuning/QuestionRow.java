package dev.athenaeum.gui.tuning;

/**
 * A test question as the table shows it: where its answer is, and the rank of the first result from there with
 * the last build's index and with the current settings (0: not among the results; null: not evaluated yet).
 *
 * @param note why the question could not be asked (its file or section is gone), or null
 */
public record QuestionRow(String question, String answer, Integer lastRank, Integer currentRank, String note) {

    QuestionRow withRanks(Integer last, Integer current, String why) {
        return new QuestionRow(question, answer, last, current, why);
    }

    static String rankText(Integer rank, int k) {
        if (rank == null) {
            return "";
        }
        return rank == 0 || rank > k ? "miss" : "#" + rank;
    }
}
