package org.medvl.synth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;

/**
 * The generated reports, read by the project's CheXpert-style labeler, give back the ground truth: this is what makes
 * CE-F1 of a report model on synthetic data measure the model and not the phrasing.
 */
class LabelerAgreementTest {
    private static final int N = 600;

    @Test
    void labelerRecoversTheGroundTruthFromGeneratedReports() {
        FindingsLabeler labeler;
        try {
            labeler = FindingsLabeler.standard();
        } catch (RuntimeException | LinkageError e) {
            Assumptions.abort("findings labeler not available: " + e);
            return;
        }
        SynthGenerator g = new SynthGenerator(SynthConfig.DEFAULT);
        Map<ChexpertLabel, int[]> counts = new EnumMap<>(ChexpertLabel.class); // tp, fp, fn, tn
        for (ChexpertLabel l : ChexpertLabel.values()) {
            counts.put(l, new int[4]);
        }
        int exact = 0;
        int absentEffusionOrPtx = 0;
        int negated = 0;
        StringBuilder examples = new StringBuilder();
        for (int i = 0; i < N; i++) {
            Findings f = g.findings(i);
            var report = g.report(i);
            ReportLabels labels = labeler.label(report.findings(), report.impression());
            boolean all = true;
            for (var e : f.chexpert().entrySet()) {
                boolean truth = e.getValue();
                boolean pred = labels.get(Observation.parse(e.getKey().displayName())) == FindingState.POSITIVE;
                counts.get(e.getKey())[truth ? (pred ? 0 : 2) : (pred ? 1 : 3)]++;
                if (truth != pred) {
                    all = false;
                    if (examples.length() < 1500) {
                        examples.append("  ").append(e.getKey().displayName()).append(" truth=").append(truth)
                                .append(": ").append(report.findingsAndImpression()).append('\n');
                    }
                }
            }
            exact += all ? 1 : 0;
            // Absent effusion and pneumothorax are always negated explicitly, as radiologists do.
            for (Observation o : new Observation[] {Observation.PLEURAL_EFFUSION, Observation.PNEUMOTHORAX}) {
                boolean present = o == Observation.PLEURAL_EFFUSION ? f.effusion() != null : f.pneumothorax() != null;
                if (!present) {
                    absentEffusionOrPtx++;
                    negated += labels.get(o) == FindingState.NEGATIVE ? 1 : 0;
                }
            }
        }
        int tp = 0, fp = 0, fn = 0;
        StringBuilder table = new StringBuilder(String.format("synth vs labeler on %d generated reports:%n", N));
        double worst = 1;
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            double agree = (c[0] + c[3]) / (double) N;
            worst = Math.min(worst, agree);
            table.append(String.format("  %-27s agreement %.3f  (tp %d fp %d fn %d)%n", e.getKey().displayName(),
                    agree, c[0], c[1], c[2]));
        }
        double microF1 = 2.0 * tp / (2.0 * tp + fp + fn);
        table.append(String.format("  micro-F1 (positive = 1) %.4f; reports with all 14 right: %d/%d%n", microF1,
                exact, N));
        table.append(String.format("  absent effusion/pneumothorax labelled NEGATIVE: %d/%d%n", negated,
                absentEffusionOrPtx));
        System.out.print(table);
        if (examples.length() > 0) {
            System.out.print("disagreements (first few):\n" + examples);
        }
        assertTrue(microF1 >= 0.97, "micro-F1 " + microF1);
        assertTrue(worst >= 0.97, "an observation agrees on fewer than 97% of reports");
        assertTrue(negated >= 0.97 * absentEffusionOrPtx, "negations not recognised: " + negated + "/"
                + absentEffusionOrPtx);
    }
}
