package org.medvl.models.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    @Test
    void warmsUpLinearlyThenDecaysToTheMinimum() {
        LearningRateSchedule s = new LearningRateSchedule(1e-3f, 1e-5f, 10, 110);
        assertEquals(1e-4f, s.at(0), 1e-9f);
        assertEquals(1e-3f, s.at(9), 1e-9f);
        assertEquals(1e-3f, s.at(10), 1e-9f);
        assertEquals((1e-3f + 1e-5f) / 2, s.at(60), 1e-7f);
        assertEquals(1e-5f, s.at(110), 1e-9f);
    }

    @Property
    void staysWithinBoundsAndNeverRisesAfterWarmup(@ForAll @IntRange(min = 0, max = 50) int warmup,
                                                   @ForAll @IntRange(min = 1, max = 500) int extra) {
        LearningRateSchedule s = new LearningRateSchedule(0.1f, 0.001f, warmup, warmup + extra);
        float prev = Float.MAX_VALUE;
        for (long i = warmup; i <= warmup + extra; i++) {
            float lr = s.at(i);
            assertTrue(lr <= prev + 1e-9f && lr >= 0.001f - 1e-9f && lr <= 0.1f + 1e-9f);
            prev = lr;
        }
    }
}
