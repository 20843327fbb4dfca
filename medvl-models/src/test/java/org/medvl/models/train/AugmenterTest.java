package org.medvl.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static float[] leftHalfBright(int size) {
        float[] img = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size / 2; x++) {
                img[y * size + x] = 1f;
            }
        }
        return img;
    }

    @Test
    void defaultsNeverFlipLaterality() {
        assertFalse(AugmentConfig.medicalDefault().horizontalFlip());
        Augmenter a = new Augmenter(AugmentConfig.medicalDefault());
        int size = 32;
        for (int seed = 0; seed < 50; seed++) {
            float[] out = a.apply(leftHalfBright(size), 1, size, new SplittableRandom(seed));
            double left = 0;
            double right = 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (x < size / 2) {
                        left += out[y * size + x];
                    } else {
                        right += out[y * size + x];
                    }
                }
            }
            assertEquals(true, left > right, "seed " + seed + " moved the bright side to the right");
        }
    }

    @Test
    void flipsWhenAskedAndIsReproducible() {
        Augmenter flip = new Augmenter(new AugmentConfig(1f, 0f, 0f, 0f, true));
        int size = 8;
        boolean flipped = false;
        for (int seed = 0; seed < 10; seed++) {
            float[] out = flip.apply(leftHalfBright(size), 1, size, new SplittableRandom(seed));
            flipped |= out[size - 1] == 1f && out[0] == 0f;
            assertArrayEquals(out, flip.apply(leftHalfBright(size), 1, size, new SplittableRandom(seed)));
        }
        assertEquals(true, flipped);
    }

    @Test
    void identityConfigReturnsTheInput() {
        float[] img = leftHalfBright(8);
        assertSame(img, new Augmenter(AugmentConfig.none()).apply(img, 1, 8, new SplittableRandom(1)));
        float[] jittered = new Augmenter(AugmentConfig.medicalDefault()).apply(img, 1, 8, new SplittableRandom(1));
        assertNotEquals(Arrays.toString(img), Arrays.toString(jittered));
    }
}
