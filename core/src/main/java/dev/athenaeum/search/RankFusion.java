package dev.athenaeum.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuses ranked lists from different retrievers. BM25 and cosine scores live on unrelated scales, so each list is
 * min-max normalised first; unlike reciprocal rank fusion (also measured), this keeps how far ahead a clear winner
 * is, which scored better on both evaluation sets.
 */
final class RankFusion {

    record Ranked(int id, double score) {
    }

    private RankFusion() {
    }

    /**
     * Weighted sum of min-max normalised scores, scaled so 1.0 means best in every list; ties go to the lower id so
     * results are stable.
     */
    static List<Ranked> convex(List<List<Ranked>> lists, double[] weights) {
        Map<Integer, Double> scores = new HashMap<>();
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        for (int r = 0; r < lists.size(); r++) {
            List<Ranked> list = lists.get(r);
            if (list.isEmpty()) {
                continue;
            }
            double max = list.stream().mapToDouble(Ranked::score).max().orElse(1);
            double min = list.stream().mapToDouble(Ranked::score).min().orElse(0);
            double range = max - min;
            for (Ranked x : list) {
                double norm = range <= 0 ? 1.0 : (x.score() - min) / range;
                scores.merge(x.id(), weights[r] * norm, Double::sum);
            }
        }
        List<Ranked> out = new ArrayList<>(scores.size());
        double scale = total <= 0 ? 1 : total;
        scores.forEach((id, s) -> out.add(new Ranked(id, s / scale)));
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.id(), b.id()));
        return out;
    }

}
