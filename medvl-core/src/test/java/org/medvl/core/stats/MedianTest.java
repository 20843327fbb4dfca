package org.medvl.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MedianTest {
    @Test
    void oddAndEvenCountsAndTheInputIsLeftAlone() {
        double[] odd = {0.95, 0.62, 0.91};
        assertEquals(0.91, Median.of(odd));
        assertEquals(0.95, odd[0], "input must not be sorted in place");
        assertEquals(0.9, Median.of(new double[] {1.0, 0.8, 0.85, 0.95}), 1e-12);
        assertEquals(0.7, Median.of(new double[] {0.7}));
    }

    @Test
    void infiniteValuesSortLastAndAnEmptySampleIsRejected() {
        assertEquals(Double.POSITIVE_INFINITY, Median.of(new double[] {3, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY}));
        assertEquals(2.5, Median.of(new double[] {Double.POSITIVE_INFINITY, 2, 3, 1}));
        assertThrows(IllegalArgumentException.class, () -> Median.of(new double[0]));
    }
}
