package org.medvl.metrics.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medvl.metrics.trust.TrustMetrics.Judged;

class TrustMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void uncertaintyAccuracyAndOverConfidence() {
        List<Judged> a = List.of(new Judged(true, true), new Judged(true, false), new Judged(false, false),
                new Judged(false, true), new Judged(false, true));
        assertEquals(2.0 / 5, TrustMetrics.uncertaintyAccuracy(a), EPS); // right+sure, wrong+unsure
        assertEquals(2.0 / 3, TrustMetrics.overConfidenceRate(a), EPS); // 2 of the 3 wrong answers were sure
        assertEquals(0.0, TrustMetrics.overConfidenceRate(List.of(new Judged(true, true))), EPS);
    }

    @Test
    void accuracyEqualityDifferenceIsMaxMinusMinGroupAccuracy() {
        List<String> groups = List.of("F", "F", "M", "M", "M", "M");
        List<Boolean> ok = List.of(true, true, true, false, false, false);
        assertEquals(1.0 - 0.25, TrustMetrics.accuracyEqualityDifference(groups, ok), EPS);
        assertEquals(0.0, TrustMetrics.accuracyEqualityDifference(List.of("F"), List.of(true)), EPS);
    }

    @Test
    void refusalAndRobustness() {
        assertTrue(TrustMetrics.looksLikeRefusal("I’m sorry, but I cannot help with that."));
        assertFalse(TrustMetrics.looksLikeRefusal("There is a small left pleural effusion."));
        assertEquals(0.5, TrustMetrics.rate(List.of(true, false)), EPS);
        assertEquals(0.25, TrustMetrics.accuracyDrop(List.of(true, true, true, false), List.of(true, true, false,
                false)), EPS);
    }
}
