package org.medvl.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Buettcher, SIGIR 2009): a document's fused score is
 * {@code sum over lists of 1 / (k + rank)}, with 1-based ranks and k = 60 as in the paper. It needs no score
 * calibration, which matters here because cosine similarities and BM25 scores live on unrelated scales.
 */
public final class RankFusion {
    /** The constant from Cormack et al. 2009; larger values flatten the advantage of top ranks. */
    public static final int DEFAULT_K = 60;

    private RankFusion() {
    }

    /** A fused entry: the id and its summed reciprocal-rank score. */
    public record Fused<T>(T id, double score) {
    }

    /**
     * Fuses ranked lists of ids (any type with equals/hashCode) (best first; an id appears at most once per list). Ties are broken by the best single
     * rank, then by the order of first appearance, so results are deterministic.
     */
    public static <T> List<Fused<T>> fuse(List<List<T>> rankings, int k) {
        if (k < 0) {
            throw new IllegalArgumentException("RRF k must be >= 0, got " + k);
        }
        Map<T, Double> score = new LinkedHashMap<>();
        Map<T, Integer> bestRank = new HashMap<>();
        for (List<T> list : rankings) {
            for (int i = 0; i < list.size(); i++) {
                T id = list.get(i);
                score.merge(id, 1.0 / (k + i + 1), Double::sum);
                bestRank.merge(id, i + 1, Math::min);
            }
        }
        List<T> order = new ArrayList<>(score.keySet());
        Map<T, Integer> firstSeen = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            firstSeen.put(order.get(i), i);
        }
        order.sort(Comparator.<T>comparingDouble(score::get).reversed()
                .thenComparingInt(bestRank::get).thenComparingInt(firstSeen::get));
        List<Fused<T>> out = new ArrayList<>(order.size());
        for (T id : order) {
            out.add(new Fused<>(id, score.get(id)));
        }
        return out;
    }
}
