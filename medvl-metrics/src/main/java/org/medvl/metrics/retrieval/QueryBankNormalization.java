package org.medvl.metrics.retrieval;

import java.util.Arrays;

/**
 * Querybank normalisation with the dynamic inverted softmax (QB-Norm; Bogolin et al., "Cross Modal Retrieval with
 * Querybank Normalisation", CVPR 2022): a hubness correction for cross-modal retrieval that needs no test queries.
 *
 * <p>A bank of queries from the training split (training images for image->text, training texts for text->image) is
 * scored against the gallery. Gallery items that are some bank query's top-1 form the activation set. A test query
 * whose raw top-1 lies in that set is re-scored with the inverted softmax {@code exp(beta*s(q,g)) / sum_b
 * exp(beta*s(b,g))}, which lowers the gallery items (hubs) that many bank queries rate highly; every other query keeps
 * its raw scores. Computed here in the log domain, {@code beta*s(q,g) - logsumexp_b(beta*s(b,g))}, which ranks
 * identically and cannot overflow for any beta. Written by hand: it is a few lines of arithmetic on a similarity
 * matrix, which no JVM library offers.
 */
public final class QueryBankNormalization {
    private QueryBankNormalization() {
    }

    /**
     * @param sim  {@code sim[q][g]}: similarity of test query q and gallery item g
     * @param bank {@code bank[b][g]}: similarity of bank query b and the same gallery items
     * @return scores of the same shape whose order within each row is the normalised ranking of that query
     */
    public static double[][] dynamicInvertedSoftmax(double[][] sim, double[][] bank, double beta) {
        if (!(beta > 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("beta must be a positive finite number, got " + beta);
        }
        if (bank.length == 0) {
            throw new IllegalArgumentException("the query bank is empty");
        }
        int gallery = bank[0].length;
        if (gallery == 0) {
            throw new IllegalArgumentException("the gallery is empty");
        }
        boolean[] active = new boolean[gallery];
        double[] logNorm = new double[gallery];
        double[] max = new double[gallery];
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < bank.length; b++) {
            check(bank[b], gallery, "query bank row " + b);
            active[argmax(bank[b])] = true;
            for (int g = 0; g < gallery; g++) {
                max[g] = Math.max(max[g], beta * bank[b][g]);
            }
        }
        for (double[] row : bank) {
            for (int g = 0; g < gallery; g++) {
                logNorm[g] += Math.exp(beta * row[g] - max[g]);
            }
        }
        for (int g = 0; g < gallery; g++) {
            logNorm[g] = max[g] + Math.log(logNorm[g]);
        }
        double[][] out = new double[sim.length][];
        for (int q = 0; q < sim.length; q++) {
            check(sim[q], gallery, "similarity row " + q);
            if (!active[argmax(sim[q])]) {
                out[q] = sim[q].clone();
                continue;
            }
            out[q] = new double[gallery];
            for (int g = 0; g < gallery; g++) {
                out[q][g] = beta * sim[q][g] - logNorm[g];
            }
        }
        return out;
    }

    /** First index of the largest value, as numpy's argmax. */
    static int argmax(double[] row) {
        int best = 0;
        for (int g = 1; g < row.length; g++) {
            if (row[g] > row[best]) {
                best = g;
            }
        }
        return best;
    }

    private static void check(double[] row, int gallery, String what) {
        if (row.length != gallery) {
            throw new IllegalArgumentException(what + " has " + row.length + " columns, expected " + gallery);
        }
        for (int g = 0; g < gallery; g++) {
            if (!Double.isFinite(row[g])) {
                throw new IllegalArgumentException(what + " column " + g + " is " + row[g]);
            }
        }
    }
}
