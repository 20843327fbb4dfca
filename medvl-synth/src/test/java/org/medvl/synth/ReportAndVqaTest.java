package org.medvl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.VqaItem;

class ReportAndVqaTest {
    private final SynthGenerator g = new SynthGenerator(SynthConfig.DEFAULT);

    @Test
    void reportsSayWhatWasDrawnWithVariedWording() {
        Set<String> firstHeartSentences = new HashSet<>();
        Set<String> normalImpressions = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Findings f = g.findings(i);
            ReportSections r = g.report(i);
            String all = r.findingsAndImpression().toLowerCase();
            assertFalse(r.findings().isBlank() || r.impression().isBlank(), "empty section in case " + i);
            if (f.effusion() != null) {
                assertTrue(all.contains(f.effusion().side().word()) && all.contains(f.effusion().size().word()), all);
            } else {
                assertTrue(all.contains("no ") && all.contains("effusion"), "absent effusion not negated: " + all);
            }
            if (f.pneumothorax() != null) {
                assertTrue(all.contains(f.pneumothorax().side().word() + " pneumothorax")
                        || all.contains(f.pneumothorax().side().word() + "-sided pneumothorax")
                        || all.contains(f.pneumothorax().side().word() + " pneumothorax,"), all);
            }
            if (f.consolidation() != null) {
                assertTrue(all.contains(f.consolidation().lobe().words()), all);
            }
            if (f.nodule() != null) {
                assertTrue(all.contains(Math.round(f.nodule().diameterMm()) + " mm"), all);
            }
            if (!f.cardiomegaly() && f.devices().isEmpty() && f.noFinding()) {
                normalImpressions.add(r.impression());
            }
            firstHeartSentences.add(r.findings().replaceAll("^(The patient is slightly rotated\\. |Mild patient "
                    + "rotation\\. )?(Low lung volumes\\. |Lung volumes are low\\. )?", "").split("\\. ")[0]);
        }
        assertTrue(normalImpressions.size() >= 3, "normal impressions: " + normalImpressions);
        assertTrue(firstHeartSentences.size() >= 8, "too little variety: " + firstHeartSentences);
    }

    @Test
    void vqaAnswersMatchTheTruth() {
        int yes = 0, closed = 0;
        Set<String> types = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            Findings f = g.findings(i);
            List<VqaItem> qs = g.vqa(i, "images/x.png");
            for (VqaItem q : qs) {
                assertTrue(q.id().startsWith("synth-"), q.id());
                types.add(q.questionType());
                if (q.isClosed()) {
                    closed++;
                    yes += q.answer().equals("yes") ? 1 : 0;
                    assertTrue(Set.of("yes", "no").contains(q.answer()), q.answer());
                }
                switch (q.question()) {
                    case "Is there a pleural effusion?" -> assertEquals(f.effusion() != null ? "yes" : "no", q.answer());
                    case "Which side is the pneumothorax on?" -> assertEquals(f.pneumothorax().side().word(), q.answer());
                    case "Is the heart enlarged?" -> assertEquals(f.cardiomegaly() ? "yes" : "no", q.answer());
                    case "Is there a nodule?" -> assertEquals(f.nodule() != null ? "yes" : "no", q.answer());
                    case "Which lobe is the consolidation in?" ->
                            assertEquals(f.consolidation().lobe().words(), q.answer());
                    default -> { }
                }
            }
            assertTrue(qs.stream().anyMatch(q -> q.answerType() == AnswerType.CLOSED));
        }
        double yesRate = yes / (double) closed;
        System.out.printf("synth: %d closed questions on 300 images, yes rate %.3f (majority-answer chance %.3f)%n",
                closed, yesRate, Math.max(yesRate, 1 - yesRate));
        assertTrue(types.containsAll(Set.of("PRES", "POS", "SIZE", "ABN")), types.toString());
        assertTrue(yesRate > 0.15 && yesRate < 0.6, "yes rate " + yesRate);
    }

    @Test
    void prevalenceOverridesAreCheckedAndApplied() {
        Prevalence p = Prevalence.DEFAULT.with("effusion=1,pneumothorax=0");
        assertEquals(1.0, p.effusion());
        SynthGenerator all = new SynthGenerator(SynthConfig.DEFAULT.withPrevalence(p));
        for (int i = 0; i < 20; i++) {
            assertTrue(all.findings(i).effusion() != null && all.findings(i).pneumothorax() == null);
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Prevalence.DEFAULT.with("effusoin=0.3"));
        assertTrue(e.getMessage().contains("effusion"), e.getMessage());
    }
}
