package org.medvl.spark.bench;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvl.metrics.caption.CaptionEvaluator;
import org.medvl.metrics.caption.CaptionScores;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.clinical.ClinicalEfficacy;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.spark.metrics.CorpusMetrics;

/**
 * The single-process computation the Spark job must equal: what {@code medvl metrics caption} and
 * {@code medvl metrics clinical} run (CaptionEvaluator over the whole corpus; the findings labeler, then
 * ClinicalEfficacy over every definition), using all cores of this JVM as they do.
 */
public final class SingleProcessMetrics {
    private SingleProcessMetrics() {
    }

    public static CorpusMetrics.Result compute(List<List<String>> refs, List<String> hyps, Profile profile,
            boolean clinical) {
        CaptionScores s = new CaptionEvaluator().evaluate(refs, hyps, profile, Set.copyOf(CorpusMetrics.METRICS));
        Map<String, Double> caption = new LinkedHashMap<>();
        for (String m : CorpusMetrics.METRICS) {
            caption.put(m, s.corpus().get(m));
        }
        Map<ClinicalEfficacy.Definition, ClinicalEfficacy.Result> ce = new EnumMap<>(ClinicalEfficacy.Definition.class);
        if (clinical) {
            FindingsLabeler labeler = FindingsLabeler.standard();
            List<ReportLabels> gen = hyps.parallelStream().map(labeler::label).toList();
            List<ReportLabels> ref = refs.parallelStream().map(r -> labeler.label(r.get(0))).toList();
            ce.putAll(ClinicalEfficacy.all(gen, ref));
        }
        return new CorpusMetrics.Result(hyps.size(), caption, ce);
    }

    /** The largest absolute difference between two results over every caption score and CE P/R/F1. */
    public static double maxDifference(CorpusMetrics.Result a, CorpusMetrics.Result b) {
        double max = 0;
        for (String m : a.caption().keySet()) {
            max = Math.max(max, Math.abs(a.caption().get(m) - b.caption().get(m)));
        }
        if (a.clinical().keySet().equals(b.clinical().keySet()) == false) {
            return Double.POSITIVE_INFINITY;
        }
        for (ClinicalEfficacy.Definition d : a.clinical().keySet()) {
            ClinicalEfficacy.Result x = a.clinical().get(d);
            ClinicalEfficacy.Result y = b.clinical().get(d);
            max = Math.max(max, prfDiff(x.micro(), y.micro()));
            max = Math.max(max, prfDiff(x.macro(), y.macro()));
            if ((x.examples() == null) != (y.examples() == null)) {
                return Double.POSITIVE_INFINITY;
            }
            if (x.examples() != null) {
                max = Math.max(max, prfDiff(x.examples(), y.examples()));
            }
            if (!x.perObservation().equals(y.perObservation()) || x.reports() != y.reports()) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return max;
    }

    private static double prfDiff(org.medvl.metrics.classification.Prf a, org.medvl.metrics.classification.Prf b) {
        return Math.max(Math.abs(a.precision() - b.precision()),
                Math.max(Math.abs(a.recall() - b.recall()), Math.abs(a.f1() - b.f1())));
    }
}
