package org.medvl.models.clip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medvl.core.MedvlException;

/**
 * Built-in prompt ensembles for the zero-shot tasks the MedPix-style metadata supports: imaging modality and
 * acquisition plane. Several phrasings per class, averaged in embedding space (Radford et al. 2021, sec. 3.1.4).
 */
public final class ZeroShotPrompts {
    private ZeroShotPrompts() {
    }

    public static Map<String, List<String>> modality() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("CT", List.of("CT", "CT scan", "a CT image", "computed tomography", "CT of the patient",
                "contrast enhanced CT", "noncontrast CT"));
        m.put("MR", List.of("MR", "MRI", "an MR image", "magnetic resonance imaging", "MRI of the patient",
                "T1 weighted MRI", "T2 weighted MRI"));
        return m;
    }

    public static Map<String, List<String>> plane() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("Axial", List.of("axial", "axial image", "axial slice", "an axial view"));
        m.put("Coronal", List.of("coronal", "coronal image", "coronal slice", "a coronal view"));
        m.put("Sagittal", List.of("sagittal", "sagittal image", "sagittal slice", "a sagittal view"));
        return m;
    }

    /** Every built-in task's ensemble, by task name: modality and plane. */
    public static Map<String, Map<String, List<String>>> builtIn() {
        Map<String, Map<String, List<String>>> tasks = new LinkedHashMap<>();
        tasks.put("modality", modality());
        tasks.put("plane", plane());
        return tasks;
    }

    /**
     * Prompt ensembles from a JSON file: {@code {"modality": {"CT": ["CT scan", ...], "MR": [...]}, "plane": {...}}};
     * a task the file leaves out keeps its built-in ensemble.
     */
    public static Map<String, Map<String, List<String>>> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new MedvlException("prompts file " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MedvlException("prompts file " + file + ": expected a JSON object of tasks");
        }
        Map<String, Map<String, List<String>>> tasks = builtIn();
        for (var task : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            if (!tasks.containsKey(task.getKey())) {
                throw new MedvlException("prompts file " + file + ": unknown task \"" + task.getKey()
                        + "\" (expected modality or plane)");
            }
            Map<String, List<String>> classes = new LinkedHashMap<>();
            for (var c : (Iterable<Map.Entry<String, JsonNode>>) task.getValue()::fields) {
                List<String> prompts = new ArrayList<>();
                c.getValue().forEach(n -> prompts.add(n.asText()));
                if (!c.getValue().isArray() || prompts.isEmpty() || prompts.stream().anyMatch(String::isBlank)) {
                    throw new MedvlException("prompts file " + file + ": " + task.getKey() + "." + c.getKey()
                            + " must be a non-empty array of prompts");
                }
                classes.put(c.getKey(), List.copyOf(prompts));
            }
            if (!classes.keySet().equals(tasks.get(task.getKey()).keySet())) {
                throw new MedvlException("prompts file " + file + ": " + task.getKey() + " needs the classes "
                        + tasks.get(task.getKey()).keySet() + ", found " + classes.keySet());
            }
            tasks.put(task.getKey(), classes);
        }
        return tasks;
    }

    /**
     * The task's ensemble plus each class written the way the model's training texts were, without a caption: with
     * the template "{modality} {plane}. {caption}", class CT gains "CT Axial.", "CT Coronal." and "CT Sagittal.", and
     * class Axial gains "CT Axial." and "MR Axial.". A model trained with caption dropout has seen exactly these
     * texts, so they sit where its image embeddings of the class are. Returns the ensemble unchanged when the
     * template is unknown or lacks the task's field.
     */
    public static Map<String, List<String>> withTrainingFormat(String task, Map<String, List<String>> classes,
                                                               String template) {
        String field = switch (task) {
            case "modality" -> "{modality}";
            case "plane" -> "{plane}";
            default -> throw new IllegalArgumentException("unknown zero-shot task " + task);
        };
        if (template == null || !template.contains(field)) {
            return classes;
        }
        boolean modalityTask = task.equals("modality");
        String other = modalityTask ? "{plane}" : "{modality}";
        List<String> others = template.contains(other)
                ? List.copyOf((modalityTask ? plane() : modality()).keySet()) : List.of("");
        Map<String, List<String>> out = new LinkedHashMap<>();
        classes.forEach((c, prompts) -> {
            List<String> all = new ArrayList<>(prompts);
            for (String o : others) {
                String modality = modalityTask ? c : o;
                String plane = modalityTask ? o : c;
                String p = new ClipExample("prompt", Path.of(""), "", modality, plane).text(template);
                if (!p.isBlank() && !all.contains(p)) {
                    all.add(p);
                }
            }
            out.put(c, List.copyOf(all));
        });
        return out;
    }

    /** The aggregation a command-line value names ("mean" or "sum", any case). */
    public static ZeroShotClassifier.Aggregation aggregation(String name) {
        for (ZeroShotClassifier.Aggregation a : ZeroShotClassifier.Aggregation.values()) {
            if (a.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return a;
            }
        }
        throw new MedvlException("--prompt-aggregation must be mean or sum, got \"" + name + "\"");
    }

    /** The class a record's label belongs to, or null when it is outside the task's classes (e.g. "3D"). */
    public static String classOf(Map<String, List<String>> task, String label) {
        if (label == null) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        for (String c : task.keySet()) {
            if (l.equals(c.toLowerCase(Locale.ROOT)) || l.startsWith(c.toLowerCase(Locale.ROOT) + " ")) {
                return c;
            }
        }
        return null;
    }
}
