package org.medvl.cli.bench;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medvl.cli.CommandRun;

class TrainBenchCommandTest {
    @Test
    void rejectsZeroRoundsBeforeLoadingData() {
        CommandRun r = CommandRun.of("bench", "train", "--data", "medpix-2.0:/no/such/dir#train", "--rounds", "0");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("--rounds >= 1"), r.err());
    }
}
