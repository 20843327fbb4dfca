package org.medvl.metrics.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.retrieval.RetrievalMetrics;
import org.medvl.metrics.vqa.SequenceMatcher;

/** Properties that must hold for any input: definitions cross-checked against brute force, ranges, totality. */
class MetricPropertiesTest {
    @Property(tries = 200)
    void aurocEqualsPairwiseCountWithHalfTies(@ForAll @Size(min = 2, max = 40) List<@IntRange(min = 0, max = 5) Integer> s,
            @ForAll @Size(min = 2, max = 40) List<Boolean> y) {
        int n = Math.min(s.size(), y.size());
        boolean[] t = new boolean[n];
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = y.get(i);
            score[i] = s.get(i); // few distinct values: many ties
        }
        double pairs = 0;
        double wins = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (t[i] && !t[j]) {
                    pairs++;
                    wins += score[i] > score[j] ? 1 : score[i] == score[j] ? 0.5 : 0;
                }
            }
        }
        double auc = ClassificationMetrics.auroc(t, score);
        if (pairs == 0) {
            assertTrue(Double.isNaN(auc));
        } else {
            assertEquals(wins / pairs, auc, 1e-12);
        }
    }

    @Property(tries = 200)
    void ratioIsBoundedAndOneOnIdentity(@ForAll @StringLength(max = 300) String a, @ForAll @StringLength(max = 300)
            String b) {
        double r = SequenceMatcher.ratio(a, b);
        assertTrue(r >= 0 && r <= 1, "ratio " + r);
        assertEquals(1.0, SequenceMatcher.ratio(a, a), 1e-12);
    }

    @Property(tries = 100)
    void recallAtKIsMonotone(@ForAll @Size(min = 1, max = 20) List<@Size(min = 20, max = 20) List<@IntRange(max = 9)
            Integer>> rows) {
        int n = Math.min(rows.size(), 20);
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sim[i][j] = rows.get(i).get(j);
            }
        }
        var d = RetrievalMetrics.fromSimilarity(sim).imageToText();
        assertTrue(d.recallAt1() <= d.recallAt5() && d.recallAt5() <= d.recallAt10() && d.mrr() <= 1);
        assertTrue(d.medianRank() >= 1 && d.medianRank() <= n);
    }

    @Property(tries = 300)
    void labelerAcceptsAnyText(@ForAll @StringLength(max = 400) String text) {
        assertEquals(14, FindingsLabeler.standard().label(text).inOrder().size());
    }
}
