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

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
