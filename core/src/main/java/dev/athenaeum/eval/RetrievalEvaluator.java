package dev.athenaeum.eval;

import dev.athenaeum.search.SearchHit;
import dev.athenaeum.search.SearchMode;
import dev.athenaeum.search.SearchRequest;
import dev.athenaeum.search.Searcher;

import java.util.ArrayList;
import java.util.List;

/** Runs a question set against an index and scores each search mode. */
public final class RetrievalEvaluator {

    /** Results fetched per question; MRR is reported at 10, recall at 1, 5 and 10. */
    public static final int DEPTH = 10;

    private final Searcher searcher;

    public RetrievalEvaluator(Searcher searcher) {
        this.searcher = searcher;
    }

    public RetrievalScore evaluate(List<TestQuestion> questions, SearchMode mode) {
        List<Integer> ranks = new ArrayList<>(questions.size());
        for (TestQuestion q : questions) {
            List<SearchHit> hits = searcher.search(SearchRequest.builder(q.question()).topK(DEPTH).mode(mode).build());
            ranks.add(rankOfAnswer(q, hits));
        }
        return new RetrievalScore(mode, questions.size(), ranks);
    }

    static int rankOfAnswer(TestQuestion q, List<SearchHit> hits) {
        for (int i = 0; i < hits.size(); i++) {
            SearchHit h = hits.get(i);
            if (q.answeredBy(h.file(), h.startLine(), h.endLine())) {
                return i + 1;
            }
        }
        return 0;
    }
}
