package org.medvl.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;

class SynthCommandTest {
    @TempDir
    Path dir;



    @Test
    void writesASyntheticDatasetAndSaysWhatItWrote() throws Exception {
        Path out = dir.resolve("synth");
        CommandRun r = CommandRun.of("demo", "synth", "--out", out.toString(), "--count", "6", "--size", "64", "--seed", "3",
                "--threads", "1", "--bench", "--masks");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 6 SYNTHETIC images (64x64, 8-bit)"), r.out());
        assertTrue(r.out().contains("images/s"), r.out());
        assertTrue(Files.exists(out.resolve("images/synth-000006.png")));
        assertTrue(Files.exists(out.resolve("masks/synth-000006-heart.png")));
        assertTrue(Files.readString(out.resolve("README.txt")).contains("NOT FOR CLINICAL USE"));
        CommandRun again = CommandRun.of("demo", "synth", "--out", out.toString(), "--count", "2", "--size", "64");
        assertEquals(1, again.code());
        assertTrue(again.err().contains("is not empty"), again.err());
    }

    @Test
    void badOptionsAreOneClearLine() {
        CommandRun r = CommandRun.of("demo", "synth", "--out", dir.resolve("x").toString(), "--prevalence", "nodul=0.3");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("medvl: error: bad prevalence 'nodul=0.3'"), r.err());
    }
}
