package org.medvl.models.clip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;

/**
 * Zero-shot logit offsets on disk, by task then class: {@code {"modality": {"CT": 0.12, "MR": -0.12}, ...}}. They
 * are fitted on a validation split ({@link ZeroShotClassifier#calibrated}) and applied on another.
 */
public final class ZeroShotOffsets {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ZeroShotOffsets() {
    }

    public static Map<String, Map<String, Double>> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new MedvlException("offsets file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MedvlException("offsets file " + file + ": expected a JSON object of tasks");
        }
        Map<String, Map<String, Double>> tasks = new LinkedHashMap<>();
        Set<String> known = ZeroShotPrompts.builtIn().keySet();
        for (var task : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            // A misspelt task (say "Modality") would otherwise be carried along and never applied.
            if (!known.contains(task.getKey())) {
                throw new MedvlException("offsets file " + file + ": unknown task " + task.getKey() + " (known: "
                        + String.join(", ", known) + ")");
            }
            if (!task.getValue().isObject() || task.getValue().isEmpty()) {
                throw new MedvlException("offsets file " + file + ": " + task.getKey()
                        + " must be an object of class offsets");
            }
            Map<String, Double> classes = new LinkedHashMap<>();
            for (var c : (Iterable<Map.Entry<String, JsonNode>>) task.getValue()::fields) {
                if (!c.getValue().isNumber() || !Double.isFinite(c.getValue().asDouble())) {
                    throw new MedvlException("offsets file " + file + ": " + task.getKey() + "." + c.getKey()
                            + " must be a finite number, got " + c.getValue());
                }
                classes.put(c.getKey(), c.getValue().asDouble());
            }
            tasks.put(task.getKey(), classes);
        }
        return tasks;
    }

    /** Writes atomically, so a reader never sees half a file. */
    public static void write(Path file, Map<String, Map<String, Double>> offsets) {
        try {
            AtomicFiles.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(offsets));
        } catch (IOException e) {
            throw new MedvlException("cannot write offsets file " + file + ": " + e.getMessage());
        }
    }
}
