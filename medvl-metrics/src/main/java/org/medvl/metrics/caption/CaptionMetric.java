package org.medvl.metrics.caption;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The caption metric names, spelled as the output keys. */
public final class CaptionMetric {
    public static final String BLEU_1 = "BLEU-1";
    public static final String BLEU_2 = "BLEU-2";
    public static final String BLEU_3 = "BLEU-3";
    public static final String BLEU_4 = "BLEU-4";
    public static final String METEOR = "METEOR";
    public static final String ROUGE_L = "ROUGE-L";
    public static final String CIDER_D = "CIDEr-D";

    /** Every metric in output order. */
    public static final List<String> ALL = List.of(BLEU_1, BLEU_2, BLEU_3, BLEU_4, METEOR, ROUGE_L, CIDER_D);

    private CaptionMetric() {
    }

    /**
     * Parses a comma-separated subset, case-insensitively; "BLEU" means BLEU-1..4. The result keeps output order.
     */
    public static Set<String> parseList(String csv) {
        Set<String> asked = new LinkedHashSet<>();
        for (String raw : csv.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (name.equalsIgnoreCase("BLEU")) {
                asked.addAll(List.of(BLEU_1, BLEU_2, BLEU_3, BLEU_4));
                continue;
            }
            String found = null;
            for (String m : ALL) {
                if (m.equalsIgnoreCase(name) || m.replace("-", "").equalsIgnoreCase(name.replace("-", ""))) {
                    found = m;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown caption metric '" + name + "'; known: "
                        + String.join(", ", ALL) + " (or BLEU for all four)");
            }
            asked.add(found);
        }
        if (asked.isEmpty()) {
            throw new IllegalArgumentException("no caption metric named in '" + csv + "'");
        }
        List<String> ordered = new ArrayList<>(ALL);
        ordered.retainAll(asked);
        return new LinkedHashSet<>(ordered);
    }
}
