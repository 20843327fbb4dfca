package org.medvl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medvl.cli.CommandRun;

class TrainBenchCommandTest {
    @Test
    void medianOfOddAndEvenCountsAndLeavesInputAlone() {
        double[] odd = {0.95, 0.62, 0.91};
        assertEquals(0.91, TrainBenchCommand.median(odd));
        assertEquals(0.95, odd[0], "input must not be sorted in place");
        assertEquals(0.9, TrainBenchCommand.median(new double[] {1.0, 0.8, 0.85, 0.95}), 1e-12);
        assertEquals(0.7, TrainBenchCommand.median(new double[] {0.7}));
    }

    @Test
    void rejectsZeroRoundsBeforeLoadingData() {
        CommandRun r = CommandRun.of("bench", "train", "--data", "medpix-2.0:/no/such/dir#train", "--rounds", "0");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--rounds >= 1"), r.err());
    }
}
