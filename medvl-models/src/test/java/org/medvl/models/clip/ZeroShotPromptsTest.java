package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

class ZeroShotPromptsTest {
    @TempDir
    Path tmp;

    @Test
    void aFileReplacesTheTasksItNamesAndKeepsTheOthers() throws Exception {
        Path f = tmp.resolve("p.json");
        Files.writeString(f, "{\"modality\": {\"CT\": [\"CT - noncontrast\", \"CT w/contrast (IV)\"], \"MR\": [\"MR - T2 weighted\"]}}");
        var tasks = ZeroShotPrompts.read(f);
        assertEquals(List.of("CT - noncontrast", "CT w/contrast (IV)"), tasks.get("modality").get("CT"));
        assertEquals(ZeroShotPrompts.plane(), tasks.get("plane"));
    }

    @Test
    void badFilesNameTheFileAndWhatIsWrong() throws Exception {
        Path f = tmp.resolve("bad.json");
        for (String[] c : new String[][] {
            {"{\"organ\": {}}", "unknown task \"organ\""},
            {"{\"modality\": {\"CT\": [\"CT\"]}}", "modality needs the classes [CT, MR], found [CT]"},
            {"{\"plane\": {\"Axial\": [], \"Coronal\": [\"c\"], \"Sagittal\": [\"s\"]}}", "plane.Axial must be a non-empty"},
            {"[1]", "expected a JSON object of tasks"},
            {"{", "prompts file " + f}}) {
            Files.writeString(f, c[0]);
            MedvlException e = assertThrows(MedvlException.class, () -> ZeroShotPrompts.read(f));
            assertTrue(e.getMessage().startsWith("prompts file " + f) && e.getMessage().contains(c[1]),
                    e.getMessage());
        }
    }

    @Test
    void trainingFormatPromptsWriteEachClassAsTheCaptionlessTrainingText() {
        var modality = ZeroShotPrompts.withTrainingFormat("modality", ZeroShotPrompts.modality(),
                "{modality} {plane}. {caption}");
        List<String> ct = modality.get("CT");
        assertEquals(ZeroShotPrompts.modality().get("CT"), ct.subList(0, ct.size() - 3));
        assertEquals(List.of("CT Axial.", "CT Coronal.", "CT Sagittal."), ct.subList(ct.size() - 3, ct.size()));
        var plane = ZeroShotPrompts.withTrainingFormat("plane", ZeroShotPrompts.plane(), "{plane}: {caption}");
        assertEquals("Sagittal:", plane.get("Sagittal").get(plane.get("Sagittal").size() - 1));
        assertEquals(ZeroShotPrompts.plane().get("Axial").size() + 1, plane.get("Axial").size());
    }

    @Test
    void withoutTheTasksFieldOrATemplateTheEnsembleIsUnchanged() {
        assertEquals(ZeroShotPrompts.modality(),
                ZeroShotPrompts.withTrainingFormat("modality", ZeroShotPrompts.modality(), "{plane}. {caption}"));
        assertEquals(ZeroShotPrompts.plane(), ZeroShotPrompts.withTrainingFormat("plane", ZeroShotPrompts.plane(), null));
        assertThrows(IllegalArgumentException.class,
                () -> ZeroShotPrompts.withTrainingFormat("organ", ZeroShotPrompts.plane(), "{caption}"));
    }
}
