package org.medvl.metrics.retrieval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QueryBankNormalizationTest {
    private static final double EPS = 1e-12;

    @Test
    void queriesWhoseTopHitIsAHubAreRescoredOthersKeepRawScores() {
        // both bank queries rate gallery item 0 highest: it is the activation set, and a hub
        double[][] bank = {{0.9, 0.1, 0.0}, {0.8, 0.2, 0.1}};
        double[][] sim = {{0.5, 0.45, 0.0}, {0.1, 0.3, 0.2}};
        double[][] out = QueryBankNormalization.dynamicInvertedSoftmax(sim, bank, 1);
        // query 0's raw top-1 is item 0 (active): beta*s - log(sum over the bank of exp(beta*s_bank))
        assertEquals(0.5 - Math.log(Math.exp(0.9) + Math.exp(0.8)), out[0][0], EPS);
        assertEquals(0.45 - Math.log(Math.exp(0.1) + Math.exp(0.2)), out[0][1], EPS);
        assertEquals(0.0 - Math.log(Math.exp(0.0) + Math.exp(0.1)), out[0][2], EPS);
        assertTrue(out[0][1] > out[0][2] && out[0][2] > out[0][0], "the hub drops from first to last");
        // query 1's raw top-1 is item 1, which no bank query ranks first: raw scores kept
        assertArrayEquals(sim[1], out[1], 0);
    }

    @Test
    void largeBetaStaysFiniteAndMatchesTheRatioOfExponentials() {
        double[][] bank = {{0.9, 0.1}, {0.7, 0.3}};
        double[][] sim = {{0.6, 0.5}};
        double[][] big = QueryBankNormalization.dynamicInvertedSoftmax(sim, bank, 5000);
        assertTrue(Double.isFinite(big[0][0]) && Double.isFinite(big[0][1]));
        assertTrue(big[0][1] > big[0][0], "item 1 is normalised by a far smaller bank sum");
        double beta = 20;
        double[][] out = QueryBankNormalization.dynamicInvertedSoftmax(sim, bank, beta);
        double ratio0 = Math.exp(beta * 0.6) / (Math.exp(beta * 0.9) + Math.exp(beta * 0.7));
        double ratio1 = Math.exp(beta * 0.5) / (Math.exp(beta * 0.1) + Math.exp(beta * 0.3));
        assertEquals(Math.log(ratio0), out[0][0], 1e-9);
        assertEquals(Math.log(ratio1), out[0][1], 1e-9);
    }

    @Test
    void badInputsNameTheRow() {
        double[][] bank = {{0.1, 0.2}};
        assertThrows(IllegalArgumentException.class,
                () -> QueryBankNormalization.dynamicInvertedSoftmax(new double[][] {{0.1}}, bank, 20));
        var e = assertThrows(IllegalArgumentException.class, () -> QueryBankNormalization.dynamicInvertedSoftmax(
                new double[][] {{0.1, 0.2}}, new double[][] {{0.1, 0.2}, {Double.NaN, 0}}, 20));
        assertTrue(e.getMessage().contains("query bank row 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> QueryBankNormalization.dynamicInvertedSoftmax(new double[][] {{0.1, 0.2}}, new double[0][], 20));
        assertThrows(IllegalArgumentException.class,
                () -> QueryBankNormalization.dynamicInvertedSoftmax(new double[][] {{0.1, 0.2}}, bank, 0));
    }
}
