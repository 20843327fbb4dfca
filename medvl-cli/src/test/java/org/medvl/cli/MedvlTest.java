package org.medvl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MedvlTest {


    @Test
    void helpListsCommands() {
        CommandRun r = CommandRun.of("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage: medvl"), r.out());
    }

    @Test
    void versionPrintsVersionAndCommit() {
        CommandRun r = CommandRun.of("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("medvl "), r.out());
        assertTrue(r.out().contains("commit "), r.out());
    }

    @Test
    void unknownOptionIsOneClearLineAndNonZero() {
        CommandRun r = CommandRun.of("--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("medvl: Unknown option: '--no-such-option'"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }
}
