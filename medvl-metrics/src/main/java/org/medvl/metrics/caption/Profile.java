package org.medvl.metrics.caption;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which published computation the caption metrics reproduce (see METRICS.md): the text preparation and the default
 * metric set.
 */
public enum Profile {
    /** COCO caption evaluation: PTB tokenization, then BLEU-1..4, METEOR, ROUGE-L, CIDEr-D. */
    COCO("coco", List.of(CaptionMetric.BLEU_1, CaptionMetric.BLEU_2, CaptionMetric.BLEU_3, CaptionMetric.BLEU_4,
            CaptionMetric.METEOR, CaptionMetric.ROUGE_L, CaptionMetric.CIDER_D)),
    /** R2Gen and most IU X-ray / MIMIC-CXR papers: R2Gen report cleaning, no PTB; BLEU-1..4, METEOR, ROUGE-L. */
    R2GEN("r2gen", List.of(CaptionMetric.BLEU_1, CaptionMetric.BLEU_2, CaptionMetric.BLEU_3, CaptionMetric.BLEU_4,
            CaptionMetric.METEOR, CaptionMetric.ROUGE_L)),
    /** The scorers on the text exactly as given. */
    PLAIN("plain", COCO.defaults);

    private final String id;
    private final List<String> defaults;

    Profile(String id, List<String> defaults) {
        this.id = id;
        this.defaults = defaults;
    }

    public String id() {
        return id;
    }

    /** The metrics this profile reports when none are asked for, in output order. */
    public List<String> defaultMetrics() {
        return defaults;
    }

    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.id.equals(name.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown caption profile '" + name + "'; known: "
                + Arrays.stream(values()).map(Profile::id).collect(Collectors.joining(", ")));
    }
}
