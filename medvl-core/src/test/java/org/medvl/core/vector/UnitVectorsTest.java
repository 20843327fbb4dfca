package org.medvl.core.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnitVectorsTest {
    @Test
    void scalesToUnitLength() {
        assertArrayEquals(new float[] {0.6f, 0.8f}, UnitVectors.normalised(new float[] {3, 4}), 1e-7f);
    }

    @Test
    void copyLeavesTheInputAndInPlaceReturnsIt() {
        float[] v = {3, 4};
        UnitVectors.normalised(v);
        assertArrayEquals(new float[] {3, 4}, v);
        assertSame(v, UnitVectors.normaliseInPlace(v));
        assertEquals(0.6f, v[0], 1e-7f);
    }

    @Test
    void zeroVectorStaysZero() {
        assertArrayEquals(new float[] {0, 0, 0}, UnitVectors.normalised(new float[3]));
    }

    @Test
    void tinyValuesDoNotUnderflow() {
        // Squares of 1e-30 underflow in float; the double accumulator keeps the direction.
        assertArrayEquals(new float[] {0.6f, 0.8f}, UnitVectors.normalised(new float[] {3e-30f, 4e-30f}), 1e-6f);
    }

    @Test
    void meanDirectionOfRows() {
        float[] m = UnitVectors.meanDirection(new float[][] {{1, 0}, {0, 1}});
        assertArrayEquals(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, m, 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> UnitVectors.meanDirection(new float[][] {{1}, {1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> UnitVectors.meanDirection(new float[0][]));
    }
}
