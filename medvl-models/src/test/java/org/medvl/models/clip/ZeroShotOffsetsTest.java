package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

class ZeroShotOffsetsTest {
    @TempDir
    Path dir;

    @Test
    void writtenOffsetsReadBackUnchanged() {
        Map<String, Map<String, Double>> offsets = new LinkedHashMap<>();
        offsets.put("modality", Map.of("CT", -0.25, "MR", 0.25));
        offsets.put("plane", Map.of("Axial", 0.5, "Coronal", -0.125, "Sagittal", -0.375));
        Path f = dir.resolve("offsets.json");
        ZeroShotOffsets.write(f, offsets);
        assertEquals(offsets, ZeroShotOffsets.read(f));
    }

    @Test
    void aBadFileIsNamedWithTheFieldAtFault() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "{\"modality\": {\"CT\": \"high\", \"MR\": 0}}");
        var e = assertThrows(MedvlException.class, () -> ZeroShotOffsets.read(f));
        assertEquals("offsets file " + f + ": modality.CT must be a finite number, got \"high\"", e.getMessage());
        Files.writeString(f, "[1, 2]");
        assertTrue(assertThrows(MedvlException.class, () -> ZeroShotOffsets.read(f)).getMessage()
                .endsWith("expected a JSON object of tasks"));
        Files.writeString(f, "{\"modality\": {}}");
        assertTrue(assertThrows(MedvlException.class, () -> ZeroShotOffsets.read(f)).getMessage()
                .endsWith("modality must be an object of class offsets"));
        Files.writeString(f, "{\"Modality\": {\"CT\": 0.1, \"MR\": -0.1}}");
        assertEquals("offsets file " + f + ": unknown task Modality (known: modality, plane)",
                assertThrows(MedvlException.class, () -> ZeroShotOffsets.read(f)).getMessage());
        assertTrue(assertThrows(MedvlException.class, () -> ZeroShotOffsets.read(dir.resolve("none.json")))
                .getMessage().startsWith("offsets file " + dir.resolve("none.json")));
    }

    @Test
    void theShippedMedpixRecipeOffsetsCoverTheBuiltInClassesAndCentreOnZero() {
        // docs/recipes/medpix-clip-offsets.json is what the README recipe applies; it must stay loadable.
        Path shipped = Path.of("..", "docs", "recipes", "medpix-clip-offsets.json");
        Map<String, Map<String, Double>> offsets = ZeroShotOffsets.read(shipped);
        assertEquals(ZeroShotPrompts.modality().keySet(), offsets.get("modality").keySet());
        assertEquals(ZeroShotPrompts.plane().keySet(), offsets.get("plane").keySet());
        for (Map<String, Double> task : offsets.values()) {
            assertEquals(0, task.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        }
    }
}
