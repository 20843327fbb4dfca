package org.medvl.models.clip;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
