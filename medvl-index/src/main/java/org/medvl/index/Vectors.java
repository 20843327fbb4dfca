package org.medvl.index;

import org.medvl.core.MedvlException;

/** Checks and normalises embeddings before they reach Lucene, whose dot-product similarity assumes unit length. */
final class Vectors {
    private Vectors() {
    }

    /** A unit-length copy of {@code v}; fails on a wrong dimension, NaN/infinite values or a zero vector. */
    static float[] unit(float[] v, int dimension, String what) {
        if (v == null) {
            throw new MedvlException(what + ": the embedder returned no vector");
        }
        if (v.length != dimension) {
            throw new MedvlException(what + ": embedding has dimension " + v.length + ", the index expects "
                    + dimension);
        }
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                throw new MedvlException(what + ": embedding contains " + x);
            }
            sum += (double) x * x;
        }
        if (sum == 0) {
            throw new MedvlException(what + ": embedding is all zeros");
        }
        // Scaled here rather than by UnitVectors: the check loop has the squared norm already (hot path of indexing).
        float inv = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }
}
