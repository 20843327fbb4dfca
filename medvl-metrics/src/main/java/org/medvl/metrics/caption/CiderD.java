package org.medvl.metrics.caption;

import org.medvl.metrics.caption.NgramIndex.Counts;

/**
 * CIDEr-D as pycocoevalcap 1.2 computes it (cider_scorer.py): n = 1..4; n-gram vectors of raw counts weighted by
 * log(N) - log(max(1, df)), df counted over the references of the evaluated set; per reference the clipped product
 * sum min(h, r) * r divided by the unclipped norms (skipped when a norm is 0), times the Gaussian length penalty
 * exp(-d^2 / (2 * 6^2)) with d the difference of the two bigram counts; mean over n, over references, times 10.
 */
final class CiderD {
    static final double SIGMA = 6.0;

    private final NgramIndex index;
    private final double logN;

    CiderD(NgramIndex index, int items) {
        this.index = index;
        this.logN = Math.log(items);
    }

    /** A text's tf-idf vector (aligned with its sorted ids), norms per n and bigram count. */
    private record Vec(int[] ids, double[] w, double[] norm, int length) {
    }

    private Vec vec(Counts c) {
        int[] ids = c.ids();
        double[] w = new double[ids.length];
        double[] norm = new double[NgramIndex.MAX_N];
        int length = 0;
        for (int i = 0; i < ids.length; i++) {
            int n = ids[i] & (NgramIndex.MAX_N - 1);
            w[i] = c.counts()[i] * (logN - Math.log(Math.max(1.0, index.df(ids[i]))));
            norm[n] += w[i] * w[i];
            if (n == 1) {
                length += c.counts()[i];
            }
        }
        for (int n = 0; n < norm.length; n++) {
            norm[n] = Math.sqrt(norm[n]);
        }
        return new Vec(ids, w, norm, length);
    }

    double score(Counts hyp, Counts[] refs) {
        Vec h = vec(hyp);
        double[] total = new double[NgramIndex.MAX_N];
        for (Counts ref : refs) {
            Vec r = vec(ref);
            double[] val = new double[NgramIndex.MAX_N];
            // both id arrays are sorted: walk them together
            for (int i = 0, j = 0; i < h.ids.length && j < r.ids.length; ) {
                if (h.ids[i] < r.ids[j]) {
                    i++;
                } else if (h.ids[i] > r.ids[j]) {
                    j++;
                } else {
                    val[h.ids[i] & (NgramIndex.MAX_N - 1)] += Math.min(h.w[i], r.w[j]) * r.w[j];
                    i++;
                    j++;
                }
            }
            double delta = h.length - r.length;
            double penalty = Math.pow(Math.E, -(delta * delta) / (2 * SIGMA * SIGMA));
            for (int n = 0; n < NgramIndex.MAX_N; n++) {
                if (h.norm[n] != 0 && r.norm[n] != 0) {
                    val[n] /= h.norm[n] * r.norm[n];
                }
                total[n] += val[n] * penalty;
            }
        }
        double mean = (total[0] + total[1] + total[2] + total[3]) / NgramIndex.MAX_N;
        return mean / refs.length * 10.0;
    }
}
