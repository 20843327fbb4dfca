package org.medvl.synth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How often each finding is drawn, each independently, as a probability per image.
 *
 * @param cardiomegaly  probability of an enlarged heart
 * @param effusion      pleural effusion
 * @param pneumothorax  pneumothorax
 * @param nodule        a solitary nodule
 * @param consolidation lobar consolidation
 * @param devices       at least one support device
 */
public record Prevalence(double cardiomegaly, double effusion, double pneumothorax, double nodule,
                         double consolidation, double devices) {
    /** Defaults: about a quarter of the images have no finding, so models cannot win by saying "normal". */
    public static final Prevalence DEFAULT = new Prevalence(0.25, 0.22, 0.12, 0.15, 0.2, 0.15);

    public Prevalence {
        check("cardiomegaly", cardiomegaly);
        check("effusion", effusion);
        check("pneumothorax", pneumothorax);
        check("nodule", nodule);
        check("consolidation", consolidation);
        check("devices", devices);
    }

    private static void check(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("prevalence of " + name + " must be in [0, 1], got " + p);
        }
    }

    /** As a name to probability map, in a fixed order. */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cardiomegaly", cardiomegaly);
        m.put("effusion", effusion);
        m.put("pneumothorax", pneumothorax);
        m.put("nodule", nodule);
        m.put("consolidation", consolidation);
        m.put("devices", devices);
        return m;
    }

    /**
     * These defaults overridden by {@code name=p,name=p} (names as in {@link #asMap()}); an unknown name or a bad
     * number throws IllegalArgumentException naming it.
     */
    public Prevalence with(String spec) {
        Map<String, Double> m = asMap();
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            if (kv.length != 2 || !m.containsKey(name)) {
                throw new IllegalArgumentException("bad prevalence '" + part.trim() + "': expected NAME=P with NAME one of "
                        + String.join(", ", m.keySet()));
            }
            try {
                m.put(name, Double.parseDouble(kv[1].trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prevalence '" + part.trim() + "': " + kv[1].trim()
                        + " is not a number");
            }
        }
        return new Prevalence(m.get("cardiomegaly"), m.get("effusion"), m.get("pneumothorax"), m.get("nodule"),
                m.get("consolidation"), m.get("devices"));
    }
}
