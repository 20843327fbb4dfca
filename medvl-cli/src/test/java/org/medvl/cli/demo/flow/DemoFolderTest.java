package org.medvl.cli.demo.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

/** A demo never destroys a user's files: it refuses, resumes its own run, or replaces its own run with --force. */
class DemoFolderTest {
    @TempDir
    Path tmp;

    @Test
    void refusesAFolderItDidNotMakeEvenWithForce() throws Exception {
        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("thesis.txt"), "precious");
        for (boolean force : new boolean[] {false, true}) {
            MedvlException e = assertThrows(MedvlException.class,
                    () -> DemoFolder.open(dir, DemoSettings.defaults(), force));
            assertTrue(e.getMessage().contains("not made by medvl demo"), e.getMessage());
        }
        assertEquals("precious", Files.readString(dir.resolve("thesis.txt")));
    }

    @Test
    void resumesWithTheSameSettingsAndRefusesOthersUnlessForced() throws Exception {
        Path dir = tmp.resolve("demo");
        DemoFolder first = DemoFolder.open(dir, DemoSettings.defaults(), false);
        assertFalse(first.resumed());
        Files.createDirectories(first.models().resolve("clip"));

        DemoFolder again = DemoFolder.open(dir, DemoSettings.defaults(), false);
        assertTrue(again.resumed());
        assertTrue(Files.isDirectory(again.models().resolve("clip")), "a resumed run keeps its models");

        DemoSettings other = DemoSettings.defaults().withSeed(2);
        MedvlException e = assertThrows(MedvlException.class, () -> DemoFolder.open(dir, other, false));
        assertTrue(e.getMessage().contains("other settings") && e.getMessage().contains("--force"), e.getMessage());
        assertTrue(Files.isDirectory(dir.resolve("models/clip")));

        DemoFolder replaced = DemoFolder.open(dir, other, true);
        assertFalse(replaced.resumed());
        assertFalse(Files.exists(dir.resolve("models/clip")), "--force replaces the earlier demo run");
    }

    @Test
    void refusesAFile() throws Exception {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(MedvlException.class, () -> DemoFolder.open(file, DemoSettings.defaults(), true));
    }
}
