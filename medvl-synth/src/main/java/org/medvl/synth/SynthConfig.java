package org.medvl.synth;

import java.util.Objects;

/**
 * What to generate.
 *
 * @param seed             the seed: the same seed and settings give byte-identical output
 * @param size             image width and height in pixels, 64..2048
 * @param bits             8 or 16 bits per pixel in the PNGs
 * @param prevalence       how often each finding is drawn
 * @param validationFraction fraction of images in the validation split
 * @param testFraction     fraction of images in the test split (the rest is train)
 */
public record SynthConfig(long seed, int size, int bits, Prevalence prevalence, double validationFraction,
                          double testFraction) {
    public static final SynthConfig DEFAULT = new SynthConfig(1, 256, 8, Prevalence.DEFAULT, 0.1, 0.1);

    public SynthConfig {
        Objects.requireNonNull(prevalence, "prevalence");
        if (size < 64 || size > 2048) {
            throw new IllegalArgumentException("image size must be 64..2048 pixels, got " + size);
        }
        if (bits != 8 && bits != 16) {
            throw new IllegalArgumentException("bits must be 8 or 16, got " + bits);
        }
        if (validationFraction < 0 || testFraction < 0 || validationFraction + testFraction >= 1) {
            throw new IllegalArgumentException("validation and test fractions must be >= 0 and leave room for train, got "
                    + validationFraction + " and " + testFraction);
        }
    }

    public SynthConfig withSeed(long s) {
        return new SynthConfig(s, size, bits, prevalence, validationFraction, testFraction);
    }

    public SynthConfig withSize(int s) {
        return new SynthConfig(seed, s, bits, prevalence, validationFraction, testFraction);
    }

    public SynthConfig withBits(int b) {
        return new SynthConfig(seed, size, b, prevalence, validationFraction, testFraction);
    }

    public SynthConfig withPrevalence(Prevalence p) {
        return new SynthConfig(seed, size, bits, p, validationFraction, testFraction);
    }
}
