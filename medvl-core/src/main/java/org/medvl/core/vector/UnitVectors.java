package org.medvl.core.vector;

/**
 * L2 normalisation shared by every embedding producer and consumer: cosine similarity is a plain dot product only
 * between unit vectors. Norms are accumulated in double so long float vectors lose no precision; a vector with a zero
 * or non-finite norm is left as it is (it then scores 0 or NaN against everything, which callers check for).
 */
public final class UnitVectors {
    private UnitVectors() {
    }

    /** Scales {@code v} to unit length in place and returns it. */
    public static float[] normaliseInPlace(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0 || !Double.isFinite(sum)) {
            return v;
        }
        float inv = (float) (1 / Math.sqrt(sum));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    /** A unit-length copy of {@code v}; {@code v} itself is untouched. */
    public static float[] normalised(float[] v) {
        return normaliseInPlace(v.clone());
    }

    /** The unit vector along the sum of {@code rows}: the mean direction used for prompt, view and study ensembles. */
    public static float[] meanDirection(float[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("meanDirection needs at least one vector");
        }
        float[] sum = new float[rows[0].length];
        for (float[] row : rows) {
            if (row.length != sum.length) {
                throw new IllegalArgumentException("vectors of different dimensions: " + sum.length + " and "
                        + row.length);
            }
            for (int d = 0; d < sum.length; d++) {
                sum[d] += row[d];
            }
        }
        return normaliseInPlace(sum);
    }
}
