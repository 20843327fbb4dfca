package org.medvl.metrics.caption;

/**
 * ROUGE-L as pycocoevalcap computes it (rouge.py): tokens split on single spaces; for each reference the longest
 * common subsequence gives P = lcs/|cand| and R = lcs/|ref|; the maximum P and the maximum R over the references are
 * taken separately; F = (1 + b^2) P R / (R + b^2 P) with b = 1.2, and 0 when either is 0.
 */
final class RougeL {
    static final double BETA = 1.2;

    private RougeL() {
    }

    static double score(int[] cand, int[][] refs) {
        double maxP = 0;
        double maxR = 0;
        for (int[] ref : refs) {
            int lcs = lcs(ref, cand);
            maxP = Math.max(maxP, lcs / (double) cand.length);
            maxR = Math.max(maxR, lcs / (double) ref.length);
        }
        if (maxP == 0 || maxR == 0) {
            return 0.0;
        }
        return ((1 + BETA * BETA) * maxP * maxR) / (maxR + BETA * BETA * maxP);
    }

    /** Length of the longest common subsequence, in O(|a| |b|) time and O(min) memory. */
    static int lcs(int[] a, int[] b) {
        if (a.length < b.length) {
            int[] t = a;
            a = b;
            b = t;
        }
        int[] row = new int[b.length + 1];
        for (int x : a) {
            int diag = 0;
            for (int j = 1; j <= b.length; j++) {
                int up = row[j];
                row[j] = x == b[j - 1] ? diag + 1 : Math.max(up, row[j - 1]);
                diag = up;
            }
        }
        return row[b.length];
    }
}
