package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medvl.models.api.Softmax;

class PriorCalibrationTest {
    @Test
    void equalLogitsGiveTheLogOfEachClasssShare() {
        double[][] logits = new double[4][2];
        int[] labels = {0, 0, 0, 1};
        double[] b = PriorCalibration.fit(logits, labels);
        // softmax(b) must equal the shares 3/4, 1/4: b1 - b0 = log(1/3), centred on zero
        assertEquals(0.5 * Math.log(3), b[0], 1e-9);
        assertEquals(-0.5 * Math.log(3), b[1], 1e-9);
    }

    @Test
    void aConstantSkewIsUndoneExactly() {
        // every case leans to class 0 by 2 logits while the labels are balanced
        double[][] logits = {{2, 0}, {2, 0}, {2, 0}, {2, 0}};
        double[] b = PriorCalibration.fit(logits, new int[] {0, 1, 0, 1});
        assertEquals(2, b[1] - b[0], 1e-9);
    }

    @Test
    void meanProbabilitiesMatchTheSharesAndLikelihoodIsAtItsMaximum() {
        Random r = new Random(7);
        int n = 300;
        double[][] logits = new double[n][3];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 5 == 0 ? 2 : i % 2;
            for (int c = 0; c < 3; c++) {
                logits[i][c] = 8 * r.nextGaussian() + (c == labels[i] ? 3 : 0) + (c == 0 ? 4 : 0);
            }
        }
        double[] b = PriorCalibration.fit(logits, labels);
        assertEquals(0, b[0] + b[1] + b[2], 1e-9);
        double[] mean = new double[3];
        double[] share = new double[3];
        for (int i = 0; i < n; i++) {
            double[] p = Softmax.probabilities(shifted(logits[i], b));
            for (int c = 0; c < 3; c++) {
                mean[c] += p[c] / n;
            }
            share[labels[i]] += 1.0 / n;
        }
        for (int c = 0; c < 3; c++) {
            assertEquals(share[c], mean[c], 1e-7, "class " + c);
        }
        double best = nll(logits, labels, b);
        for (int c = 0; c < 3; c++) {
            for (double d : new double[] {-1e-2, 1e-2}) {
                double[] moved = b.clone();
                moved[c] += d;
                assertTrue(nll(logits, labels, moved) > best, "moving offset " + c + " by " + d);
            }
        }
    }

    @Test
    void saturatedLogitsStillConverge() {
        double[][] logits = {{300, -300}, {300, -300}, {-300, 300}, {250, -250}};
        double[] b = PriorCalibration.fit(logits, new int[] {0, 1, 1, 0});
        double mean1 = 0;
        for (double[] row : logits) {
            mean1 += Softmax.probabilities(shifted(row, b))[1] / logits.length;
        }
        assertEquals(0.5, mean1, 1e-7);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        var missing = assertThrows(IllegalArgumentException.class,
                () -> PriorCalibration.fit(new double[][] {{0, 1}, {1, 0}}, new int[] {0, 0}));
        assertEquals("class 1 has no labelled case to fit its offset on", missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PriorCalibration.fit(new double[][] {{0, 1}}, new int[0]));
        assertThrows(IllegalArgumentException.class,
                () -> PriorCalibration.fit(new double[][] {{0, 1}, {0, 1}}, new int[] {0, 2}));
        var nan = assertThrows(IllegalArgumentException.class,
                () -> PriorCalibration.fit(new double[][] {{0, Double.NaN}, {0, 1}}, new int[] {0, 1}));
        assertEquals("logits must be finite, got NaN", nan.getMessage());
    }

    private static double[] shifted(double[] row, double[] b) {
        double[] s = row.clone();
        for (int c = 0; c < s.length; c++) {
            s[c] += b[c];
        }
        return s;
    }

    private static double nll(double[][] logits, int[] labels, double[] b) {
        double total = 0;
        for (int i = 0; i < logits.length; i++) {
            total -= Math.log(Softmax.probabilities(shifted(logits[i], b))[labels[i]]);
        }
        return total;
    }
}
