package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.server.models.ModelDirectory;
import org.medvl.server.models.ModelSet;

/** What `medvl serve --models DIR` makes of directories without a loadable model: panels off, each with a reason. */
class ModelDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void missingDirectoryIsAClearError() {
        MedvlException e = assertThrows(MedvlException.class,
                () -> ModelDirectory.load(dir.resolve("nope"), s -> { }));
        assertTrue(e.getMessage().contains("does not exist"));
    }

    @Test
    void emptyDirectoryTurnsEveryPanelOffWithANote() {
        ModelSet set = ModelDirectory.load(dir, s -> { });
        for (ModelSet.Panel p : set.panels()) {
            assertFalse(p.enabled(), p.panel());
            assertFalse(p.note().isBlank(), p.panel() + " says why it is off");
        }
    }

    @Test
    void aBrokenModelIsNamedNotFatal() throws Exception {
        Path report = Files.createDirectories(dir.resolve("report-run1"));
        Files.writeString(report.resolve("config.json"), "{\"task\": \"report\", \"decoder\": {\"layers\": 2}}");
        List<String> log = new ArrayList<>();
        ModelSet set = ModelDirectory.load(dir, log::add);
        ModelSet.Panel panel = set.panels().get(0);
        assertEquals(ModelSet.REPORT, panel.panel());
        assertFalse(panel.enabled());
        assertTrue(panel.note().contains("report-run1") && panel.note().contains("failed to load"), panel.note());
        assertTrue(log.stream().anyMatch(l -> l.contains("report-run1")), log.toString());
    }

    @Test
    void directoriesWithoutAMedvlModelAreSkippedWithALine() throws Exception {
        Path other = Files.createDirectories(dir.resolve("something-else"));
        Files.writeString(other.resolve("config.json"), "{\"decoder\": {\"layers\": 2}}");
        List<String> log = new ArrayList<>();
        ModelSet set = ModelDirectory.load(dir, log::add);
        assertTrue(set.panels().stream().noneMatch(ModelSet.Panel::enabled));
        assertTrue(log.stream().anyMatch(l -> l.contains("something-else") && l.contains("not a medvl model")),
                log.toString());
    }
}
