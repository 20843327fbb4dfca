package org.medvl.core.stats;

import java.util.Arrays;

/** The median of a sample, shared by the metrics (median rank) and the benchmarks (median of repeated runs). */
public final class Median {
    private Median() {
    }

    /**
     * The middle value, or the mean of the two middle values for an even count; {@code values} is left unsorted.
     * Infinite values sort to the ends as usual, so a median rank can be infinite.
     */
    public static double of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
