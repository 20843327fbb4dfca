package org.medvl.models.train;

import java.util.List;
import java.util.Map;

/** Picks the best epoch of a training history (metrics.jsonl entries) by one validation score, higher better. */
public final class EpochSelection {
    private EpochSelection() {
    }

    /** The 1-based epoch with the highest {@code metric} (the earliest on ties), 0 when no epoch has one. */
    public static int best(List<Map<String, Object>> history, String metric) {
        int best = 0;
        double score = Double.NEGATIVE_INFINITY;
        for (Map<String, Object> m : history) {
            if (m.get(metric) instanceof Number n && n.doubleValue() > score) {
                score = n.doubleValue();
                best = ((Number) m.get("epoch")).intValue();
            }
        }
        return best;
    }

    /**
     * Whether training should stop: {@code patience} > 0 and at least that many epochs have passed since the best
     * one ({@code epochsDone} counts finished epochs). A history with no scored epoch yet never stops.
     */
    public static boolean patienceSpent(List<Map<String, Object>> history, String metric, int epochsDone,
                                        int patience) {
        int best = best(history, metric);
        return patience > 0 && best > 0 && epochsDone - best >= patience;
    }
}
