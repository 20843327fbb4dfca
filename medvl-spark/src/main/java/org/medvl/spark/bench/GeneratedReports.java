package org.medvl.spark.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic radiology-style report pairs for parity checks and benchmarks at sizes no shared dataset has
 * (200,000 pairs and more). Sentences come from a fixed phrase pool, as real reports repeat templates, so the number
 * of distinct n-grams stays bounded; hypotheses are references with sentences dropped, swapped or altered. The text
 * carries what the metrics must get right: punctuation and abbreviations the PTB tokenizer treats specially,
 * negations and uncertainty for the findings labeler, repeated and empty hypotheses, several references.
 */
public final class GeneratedReports {
    private static final String[] SUBJECTS = {"The heart", "Heart size", "The lungs", "Cardiomediastinal silhouette",
        "The mediastinum", "Pulmonary vasculature", "Osseous structures", "The left lung base", "The right lung base",
        "The trachea", "The hila", "Visualized upper abdomen", "The costophrenic angles", "Aorta", "The diaphragm"};
    private static final String[] PREDICATES = {"is normal in size", "are clear", "is within normal limits",
        "is unremarkable", "shows mild opacity", "is stable compared to the prior exam", "is top-normal",
        "demonstrates streaky atelectasis", "is mildly enlarged", "is tortuous", "are sharp", "is midline",
        "shows degenerative changes", "is not well visualized", "appears grossly intact"};
    private static final String[] FINDINGS = {"There is no pneumothorax.", "No pleural effusion.",
        "Small left pleural effusion.", "Mild cardiomegaly.", "No acute cardiopulmonary abnormality.",
        "Possible atelectasis at the right base.", "No focal consolidation, pneumothorax or effusion.",
        "Findings may represent pneumonia.", "Interval placement of a right IJ catheter.",
        "Pulmonary edema cannot be excluded.", "No evidence of fracture.", "Lungs are hyperinflated, e.g. COPD.",
        "Stable 3 mm nodule (see Dr. Smith's note).", "XXXX opacity in the left upper lobe.",
        "Heart is not enlarged; no \"acute\" process.", "Consolidation has resolved.", "Low lung volumes..."};

    private GeneratedReports() {
    }

    /** {@code n} items: {@code refs.get(i)} (1-3 references) and {@code hyps.get(i)}. */
    public record Corpus(List<List<String>> refs, List<String> hyps) {
    }

    public static Corpus generate(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<List<String>> refs = new ArrayList<>(n);
        List<String> hyps = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<String> sentences = report(rng);
            List<String> r = new ArrayList<>();
            r.add(String.join(" ", sentences));
            int more = rng.nextInt(3);
            for (int k = 0; k < more; k++) {
                r.add(String.join(" ", vary(sentences, rng)));
            }
            refs.add(r);
            int kind = rng.nextInt(20);
            hyps.add(kind == 0 ? "" : kind == 1 ? "No acute cardiopulmonary abnormality."
                    : String.join(" ", vary(sentences, rng)));
        }
        return new Corpus(refs, hyps);
    }

    private static List<String> report(SplittableRandom rng) {
        int count = 2 + rng.nextInt(5);
        List<String> out = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            out.add(rng.nextInt(3) == 0 ? FINDINGS[rng.nextInt(FINDINGS.length)]
                    : SUBJECTS[rng.nextInt(SUBJECTS.length)] + " " + PREDICATES[rng.nextInt(PREDICATES.length)] + ".");
        }
        return out;
    }

    /** Drops, swaps or replaces sentences of a report. */
    private static List<String> vary(List<String> sentences, SplittableRandom rng) {
        List<String> out = new ArrayList<>(sentences);
        int edits = rng.nextInt(3);
        for (int e = 0; e < edits && !out.isEmpty(); e++) {
            int at = rng.nextInt(out.size());
            switch (rng.nextInt(4)) {
                case 0 -> out.remove(at);
                case 1 -> out.set(at, FINDINGS[rng.nextInt(FINDINGS.length)]);
                case 2 -> out.add(rng.nextInt(out.size() + 1), out.get(at));
                default -> out.set(at, out.get(at).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }
}
