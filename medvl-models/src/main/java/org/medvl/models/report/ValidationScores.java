package org.medvl.models.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvl.metrics.caption.CaptionEvaluator;
import org.medvl.metrics.caption.CaptionMetric;
import org.medvl.metrics.caption.Profile;

/** Corpus BLEU-1..4, ROUGE-L and CIDEr-D (coco profile) of generated reports against one reference each. */
public final class ValidationScores {
    /** The metrics scored, in output order; METEOR is left to {@code medvl eval report} (slower). */
    public static final List<String> METRICS = List.of(CaptionMetric.BLEU_1, CaptionMetric.BLEU_2,
            CaptionMetric.BLEU_3, CaptionMetric.BLEU_4, CaptionMetric.ROUGE_L, CaptionMetric.CIDER_D);

    private ValidationScores() {
    }

    public static Map<String, Double> score(List<String> references, List<String> hypotheses) {
        List<List<String>> refs = new ArrayList<>();
        references.forEach(r -> refs.add(List.of(r)));
        Map<String, Double> corpus = new CaptionEvaluator().evaluate(refs, hypotheses, Profile.COCO,
                Set.copyOf(METRICS)).corpus();
        Map<String, Double> out = new LinkedHashMap<>();
        for (String m : METRICS) {
            out.put(m, corpus.get(m));
        }
        return out;
    }
}
