package org.medvl.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;

/** `medvl demo` is itself a command (the whole flow) and keeps `demo synth` as its subcommand. */
class DemoCommandTest {
    @TempDir
    Path tmp;

    @Test
    void demoRunsTheFlowAndKeepsSynthAsSubcommand() {
        CommandRun help = CommandRun.of("demo", "--help");
        assertEquals(0, help.code(), help.err());
        assertTrue(help.out().contains("Usage: medvl demo"), help.out());
        assertTrue(help.out().contains("--no-serve") && help.out().contains("synth"), help.out());
        CommandRun synth = CommandRun.of("demo", "synth", "--help");
        assertEquals(0, synth.code());
        assertTrue(synth.out().contains("Usage: medvl demo synth"), synth.out());
    }

    @Test
    void unknownOptionsAndAForeignFolderAreOneLineErrors() throws Exception {
        CommandRun bad = CommandRun.of("demo", "--definitely-not-an-option");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().lines().findFirst().orElse("").startsWith("medvl: "), bad.err());

        Path mine = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        CommandRun r = CommandRun.of("demo", "--out", mine.toString(), "--no-serve", "--force");
        assertEquals(1, r.code());
        String first = r.err().lines().findFirst().orElse("");
        assertTrue(first.startsWith("medvl: ") && first.contains("not made by medvl demo"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("keep me", Files.readString(mine.resolve("notes.txt")));
    }
}
