package org.medvl.cli.demo.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.medvl.core.record.ReportStudy;
import org.medvl.metrics.caption.CaptionEvaluator;
import org.medvl.metrics.caption.CaptionMetric;
import org.medvl.metrics.caption.CaptionScores;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.clinical.ClinicalEfficacy;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.models.train.Seeds;

/**
 * Scores generated reports with the standard metrics: BLEU-4, ROUGE-L and CIDEr-D against the reference reports, and
 * clinical efficacy (R2Gen definition: labeler positives, micro-F1 over the 14 observations) against the ground truth
 * where the data has it (synthetic), else against the labeler's reading of the references. The chance level is a
 * random training report for every held-out study, scored by the same code.
 */
final class ReportEval {
    static final List<String> CAPTION_METRICS = List.of(CaptionMetric.BLEU_4, CaptionMetric.ROUGE_L,
            CaptionMetric.CIDER_D);

    private ReportEval() {
    }

    static void score(String task, DemoData data, List<String> generated, long seed, Summary summary) {
        List<ReportStudy> test = data.studies().test();
        List<ReportStudy> train = data.studies().train();
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, 811));
        List<String> random = new ArrayList<>(test.size());
        for (int i = 0; i < test.size(); i++) {
            random.add(text(train.get(rng.nextInt(train.size()))));
        }
        List<List<String>> refs = test.stream().map(s -> List.of(text(s))).toList();
        CaptionEvaluator evaluator = new CaptionEvaluator();
        CaptionScores model = evaluator.evaluate(refs, generated, Profile.COCO, Set.copyOf(CAPTION_METRICS));
        CaptionScores chance = evaluator.evaluate(refs, random, Profile.COCO, Set.copyOf(CAPTION_METRICS));
        String randomIs = "a random training report per study";
        int n = test.size();
        for (String m : CAPTION_METRICS) {
            summary.add(new Summary.Row(task, m, model.corpus().get(m), chance.corpus().get(m), randomIs, n));
        }
        FindingsLabeler labeler = FindingsLabeler.standard();
        List<ReportLabels> reference = new ArrayList<>(n);
        for (ReportStudy s : test) {
            ReportLabels truth = data.truth().get(s.id());
            reference.add(truth != null ? truth : labeler.label(text(s)));
        }
        double f1 = ce(labeler, generated, reference);
        double chanceF1 = ce(labeler, random, reference);
        String against = data.truth().isEmpty() ? " (vs labeler on references)" : " (vs ground truth)";
        summary.add(new Summary.Row(task, "CE micro-F1" + against, f1, chanceF1, randomIs, n));
    }

    private static double ce(FindingsLabeler labeler, List<String> reports, List<ReportLabels> reference) {
        List<ReportLabels> labels = reports.stream().map(labeler::label).toList();
        return ClinicalEfficacy.compute(ClinicalEfficacy.Definition.R2GEN, labels, reference).micro().f1();
    }

    static String text(ReportStudy s) {
        return s.sections().findingsAndImpression();
    }
}
