package org.medvl.metrics.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void aurocMatchesSklearnIncludingTies() {
        // sklearn roc_auc_score([0,0,1,1], [0.1,0.4,0.35,0.8]) = 0.75
        assertEquals(0.75, ClassificationMetrics.auroc(new boolean[] {false, false, true, true},
                new double[] {0.1, 0.4, 0.35, 0.8}), EPS);
        // pairs (pos, neg): (0.5, 0.5) tie = 1/2, (0.5, 0.2) = 1, (0.9, 0.5) = 1, (0.9, 0.2) = 1 -> 3.5 / 4
        assertEquals(0.875, ClassificationMetrics.auroc(new boolean[] {false, true, false, true},
                new double[] {0.5, 0.5, 0.2, 0.9}), EPS);
        assertTrue(Double.isNaN(ClassificationMetrics.auroc(new boolean[] {true, true}, new double[] {0.1, 0.2})));
    }

    @Test
    void macroAurocSkipsClassesWithOneLabelOnly() {
        int[] y = {0, 0, 1, 1};
        double[][] p = {{0.9, 0.1, 0.0}, {0.6, 0.35, 0.05}, {0.6, 0.4, 0.0}, {0.2, 0.8, 0.0}};
        var m = ClassificationMetrics.macroAuroc(y, p);
        assertEquals(List.of(2), m.classesSkipped()); // class 2 never occurs: sklearn would raise
        // class 0: positives (0.9, 0.6) vs negatives (0.6, 0.2): pairs 1, 1, 0.5, 1 -> 0.875;
        // class 1: positives (0.4, 0.8) vs negatives (0.1, 0.35): all pairs won -> 1.0; mean 0.9375
        assertEquals(0.9375, m.value(), EPS);
        assertEquals(2, m.classesScored());
    }

    @Test
    void perClassPrecisionRecallF1WithZeroDivision() {
        int[] y = {0, 0, 1, 2};
        int[] pred = {0, 1, 1, 1};
        var per = ClassificationMetrics.perClass(y, pred, 3);
        assertEquals(new Prf(1, 0.5, 2.0 / 3), per.get(0).prf());
        assertEquals(1.0 / 3, per.get(1).prf().precision(), EPS);
        assertEquals(0.5, per.get(1).prf().f1(), EPS);
        assertEquals(new Prf(0, 0, 0), per.get(2).prf()); // never predicted: precision 0 by zero_division=0
        assertEquals((2.0 / 3 + 0.5 + 0) / 3, ClassificationMetrics.macroF1(y, pred, 3), EPS);
        assertEquals(0.5, ClassificationMetrics.accuracy(y, pred), EPS);
    }

    @Test
    void eceWithFifteenBinsByHand() {
        // bins (14/15, 1]: conf 0.95, 0.95 acc 0.5; (8/15, 9/15]: 0.55 acc 1; (3/15, 4/15]: 0.25 acc 0
        double ece = ClassificationMetrics.ece(new double[] {0.95, 0.95, 0.55, 0.25},
                new boolean[] {true, false, true, false}, 15);
        assertEquals(0.5 * 0.45 + 0.25 * 0.45 + 0.25 * 0.25, ece, EPS);
        double[][] probs = {{0.95, 0.05}, {0.05, 0.95}};
        assertEquals(0.05, ClassificationMetrics.ece(probs, new int[] {0, 1}, ClassificationMetrics.ECE_BINS), EPS);
    }

    @Test
    void argmaxTakesTheFirstOfTiedMaxima() {
        assertEquals(0, ClassificationMetrics.argmax(new double[][] {{0.5, 0.5}})[0]);
    }
}
