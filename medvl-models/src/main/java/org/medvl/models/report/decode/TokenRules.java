package org.medvl.models.report.decode;

import java.util.Arrays;

/** The constraints every strategy applies to a next-token row: minimum length and no repeated n-grams. */
final class TokenRules {
    private TokenRules() {
    }

    /** Returns a copy of {@code logProbs} with forbidden tokens set to negative infinity. */
    static float[] apply(float[] logProbs, int[] prefix, DecodeOptions o, int eos) {
        float[] row = logProbs.clone();
        if (prefix.length < o.minLength()) {
            row[eos] = Float.NEGATIVE_INFINITY;
        }
        int n = o.noRepeatNgram();
        if (n > 0 && prefix.length >= n - 1) {
            // The last n-1 tokens followed by t would form an n-gram; ban t if that n-gram already occurred.
            int[] tail = Arrays.copyOfRange(prefix, prefix.length - (n - 1), prefix.length);
            for (int start = 0; start + n <= prefix.length; start++) {
                if (Arrays.equals(prefix, start, start + n - 1, tail, 0, n - 1)) {
                    row[prefix[start + n - 1]] = Float.NEGATIVE_INFINITY;
                }
            }
        }
        return row;
    }

    static int argmax(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }

    static int[] append(int[] prefix, int token) {
        int[] out = Arrays.copyOf(prefix, prefix.length + 1);
        out[prefix.length] = token;
        return out;
    }
}
