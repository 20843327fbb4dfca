package org.medvl.models.report.decode;

import java.util.Arrays;
import java.util.SplittableRandom;

/** One draw from a next-token row after temperature, top-k and top-p filtering. */
final class Sampling {
    private Sampling() {
    }

    static int draw(float[] logProbs, DecodeOptions o, SplittableRandom rng) {
        int v = logProbs.length;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : logProbs) {
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            throw new IllegalStateException("every token is forbidden at this step");
        }
        double[] p = new double[v];
        for (int i = 0; i < v; i++) {
            p[i] = Math.exp((logProbs[i] - max) / o.temperature());
        }
        Integer[] order = new Integer[v];
        for (int i = 0; i < v; i++) {
            order[i] = i;
        }
        // Descending probability; ties by token id so the kept set is deterministic.
        Arrays.sort(order, (a, b) -> p[a] != p[b] ? Double.compare(p[b], p[a]) : Integer.compare(a, b));
        double total = 0;
        for (double x : p) {
            total += x;
        }
        int keep = o.topK() > 0 ? Math.min(o.topK(), v) : v;
        if (o.topP() < 1) {
            double cumulative = 0;
            int n = 0;
            while (n < keep) {
                cumulative += p[order[n]] / total;
                n++;
                if (cumulative >= o.topP()) {
                    break;
                }
            }
            keep = n;
        }
        double kept = 0;
        for (int i = 0; i < keep; i++) {
            kept += p[order[i]];
        }
        double u = rng.nextDouble() * kept;
        for (int i = 0; i < keep; i++) {
            u -= p[order[i]];
            if (u < 0 && p[order[i]] > 0) {
                return order[i];
            }
        }
        return order[0];
    }
}
