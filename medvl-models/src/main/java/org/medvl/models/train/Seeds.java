package org.medvl.models.train;

/**
 * Derives independent seeds from one run seed (SplitMix64 mixing), so the data order of an epoch, the augmentation
 * of one sample and the engine's random state at one step each depend only on (seed, epoch, index) — which is what
 * lets a resumed run repeat an uninterrupted one exactly.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long derive(long seed, long... path) {
        long h = mix(seed);
        for (long p : path) {
            h = mix(h ^ mix(p + 0x9E3779B97F4A7C15L));
        }
        return h;
    }

    /** A Fisher-Yates permutation of 0..n-1 driven by {@code seed} (e.g. one epoch's data order). */
    public static int[] permutation(int n, long seed) {
        int[] p = java.util.stream.IntStream.range(0, n).toArray();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
