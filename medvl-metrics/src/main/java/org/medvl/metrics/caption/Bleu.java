package org.medvl.metrics.caption;

import org.medvl.metrics.caption.NgramIndex.Counts;

/**
 * BLEU-1..4 as pycocoevalcap computes it (bleu_scorer.py, option "closest"): candidate n-gram counts clipped by the
 * largest count in any one reference; the reference length nearest the candidate's, ties to the shorter;
 * p_k = (correct_k + 1e-15) / (guess_k + 1e-9) with no smoothing; brevity penalty exp(1 - 1/ratio) only when the
 * candidate is shorter. The corpus score uses summed statistics; an item's score uses its own.
 */
final class Bleu {
    static final double TINY = 1e-15;
    static final double SMALL = 1e-9;

    private Bleu() {
    }

    /** One item's statistics, which add up over a corpus. */
    static final class Stats {
        long testLength;
        long refLength;
        final long[] guess = new long[NgramIndex.MAX_N];
        final long[] correct = new long[NgramIndex.MAX_N];

        void add(Stats o) {
            testLength += o.testLength;
            refLength += o.refLength;
            for (int k = 0; k < NgramIndex.MAX_N; k++) {
                guess[k] += o.guess[k];
                correct[k] += o.correct[k];
            }
        }

        /** BLEU-1..4 from these statistics (the same formula serves one item and a corpus). */
        double[] scores() {
            double[] out = new double[NgramIndex.MAX_N];
            double product = 1.0;
            double ratio = (testLength + TINY) / (refLength + SMALL);
            for (int k = 0; k < NgramIndex.MAX_N; k++) {
                product *= (correct[k] + TINY) / (guess[k] + SMALL);
                out[k] = Math.pow(product, 1.0 / (k + 1));
                if (ratio < 1) {
                    out[k] *= Math.exp(1 - 1 / ratio);
                }
            }
            return out;
        }
    }

    static Stats stats(Counts hyp, Counts[] refs) {
        Stats s = new Stats();
        int len = hyp.length();
        s.testLength = len;
        int best = -1;
        for (Counts r : refs) {
            int diff = Math.abs(r.length() - len);
            int bestDiff = best < 0 ? Integer.MAX_VALUE : Math.abs(best - len);
            if (diff < bestDiff || (diff == bestDiff && r.length() < best)) {
                best = r.length();
            }
        }
        s.refLength = Math.max(best, 0);
        for (int k = 0; k < NgramIndex.MAX_N; k++) {
            s.guess[k] = Math.max(0, len - k);
        }
        int[] ids = hyp.ids();
        int[] counts = hyp.counts();
        for (int i = 0; i < ids.length; i++) {
            int maxRef = 0;
            for (Counts r : refs) {
                maxRef = Math.max(maxRef, r.count(ids[i]));
            }
            s.correct[ids[i] & (NgramIndex.MAX_N - 1)] += Math.min(maxRef, counts[i]);
        }
        return s;
    }
}
