package dev.athenaeum.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion: each list contributes {@code weight / (K + rank)} for every item it ranks. Ranks, not
 * scores, are fused, because BM25 and cosine scores live on unrelated scales.
 */
final class RankFusion {

    static final int K = 60;

    record Ranked(int id, double score) {
    }

    private RankFusion() {
    }

    /** Fuses ranked id lists (best first) with their weights; the result is scaled so 1.0 means first everywhere. */
    static List<Ranked> fuse(List<int[]> rankings, double[] weights) {
        Map<Integer, Double> scores = new HashMap<>();
        double best = 0;
        for (int r = 0; r < rankings.size(); r++) {
            int[] ids = rankings.get(r);
            best += weights[r] / (K + 1);
            for (int rank = 0; rank < ids.length; rank++) {
                scores.merge(ids[rank], weights[r] / (K + rank + 1), Double::sum);
            }
        }
        List<Ranked> out = new ArrayList<>(scores.size());
        double scale = best == 0 ? 1 : best;
        scores.forEach((id, s) -> out.add(new Ranked(id, s / scale)));
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.id(), b.id()));
        return out;
    }
}
