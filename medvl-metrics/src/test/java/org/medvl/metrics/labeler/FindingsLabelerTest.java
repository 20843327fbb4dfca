package org.medvl.metrics.labeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

class FindingsLabelerTest {
    private static final FindingsLabeler LABELER = FindingsLabeler.standard();

    @Test
    void noFindingWhenNothingButSupportDevicesIsPositiveOrUncertain() {
        ReportLabels normal = LABELER.label("Heart size normal. No pneumothorax or effusion.");
        assertEquals(FindingState.POSITIVE, normal.get(Observation.NO_FINDING));
        ReportLabels device = LABELER.label("Right PICC line tip in the SVC. Lungs are clear.");
        assertEquals(FindingState.POSITIVE, device.get(Observation.NO_FINDING));
        assertEquals(FindingState.POSITIVE, device.get(Observation.SUPPORT_DEVICES));
        ReportLabels hedged = LABELER.label("Possible small left effusion.");
        assertEquals(FindingState.NOT_MENTIONED, hedged.get(Observation.NO_FINDING)); // CheXpert: blank, not 0
        assertEquals(FindingState.POSITIVE, LABELER.label("").get(Observation.NO_FINDING));
    }

    @Test
    void positiveMentionWinsOverNegativeAndUncertainAcrossSentences() {
        ReportLabels l = LABELER.label("No effusion on the right. Small left pleural effusion. Possible effusion.");
        assertEquals(FindingState.POSITIVE, l.get(Observation.PLEURAL_EFFUSION));
        ReportLabels u = LABELER.label("No pneumonia. Pneumonia is not excluded.");
        assertEquals(FindingState.UNCERTAIN, u.get(Observation.PNEUMONIA));
    }

    @Test
    void findingsAndImpressionAreLabelledTogether() {
        ReportLabels l = LABELER.label("The heart is enlarged", "No pneumothorax");
        assertEquals(FindingState.POSITIVE, l.get(Observation.CARDIOMEGALY));
        assertEquals(FindingState.NEGATIVE, l.get(Observation.PNEUMOTHORAX));
    }

    @Test
    void fullReportsAreLabelledOnFindingsAndImpressionOnly() {
        String report = "INDICATION: Fever, r/o pneumonia.\nFINDINGS: Lungs are clear. No effusion.\n"
                + "IMPRESSION: No acute disease.";
        assertEquals(FindingState.UNCERTAIN, LABELER.label(report).get(Observation.PNEUMONIA));
        ReportLabels l = LABELER.labelReport(report);
        assertEquals(FindingState.NOT_MENTIONED, l.get(Observation.PNEUMONIA));
        assertEquals(FindingState.NEGATIVE, l.get(Observation.PLEURAL_EFFUSION));
        assertEquals(FindingState.POSITIVE, LABELER.labelReport("Small left effusion.").get(
                Observation.PLEURAL_EFFUSION)); // no headers: whole text
    }

    @Test
    void explainNamesTheDecidingCue() {
        var m = LABELER.explain("Cannot exclude a small pneumothorax.");
        assertEquals(1, m.size());
        assertEquals(FindingState.UNCERTAIN, m.get(0).state());
        assertEquals("cannot exclude", m.get(0).cue());
    }

    @Test
    void userVocabularyExtendsTheBundledOne(@TempDir Path dir) throws Exception {
        assertEquals(FindingState.NOT_MENTIONED, LABELER.label("Left pneumatocele.").get(Observation.LUNG_LESION));
        Path mentions = dir.resolve("mine.tsv");
        Files.writeString(mentions, "# my additions\nLung Lesion\tpneumatocele|pneumatoceles\n");
        Path cues = dir.resolve("cues.tsv");
        Files.writeString(cues, "negation\tinterval disappearance of\n");
        FindingsLabeler mine = new FindingsLabeler(Vocabulary.builtIn().withMentions(mentions).withCues(cues));
        assertEquals(FindingState.POSITIVE, mine.label("Left pneumatocele.").get(Observation.LUNG_LESION));
        assertEquals(FindingState.NEGATIVE, mine.label("Interval disappearance of the pneumatocele.")
                .get(Observation.LUNG_LESION));
    }

    @Test
    void malformedVocabularyNamesFileAndLine(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "Lung Lesion\tnodule\nLung Lesions\tmass\n");
        var e = assertThrows(MedvlException.class, () -> Vocabulary.builtIn().withMentions(bad));
        assertTrue(e.getMessage().startsWith(bad + ":2: unknown observation \"Lung Lesions\""), e.getMessage());
        Path badKind = dir.resolve("kind.tsv");
        Files.writeString(badKind, "Edema\tedema\tmaybe\n");
        var k = assertThrows(MedvlException.class, () -> Vocabulary.builtIn().withMentions(badKind));
        assertTrue(k.getMessage().contains(":1: kind must be"), k.getMessage());
        Path badCue = dir.resolve("cue.tsv");
        Files.writeString(badCue, "negate\tnever\n");
        assertThrows(MedvlException.class, () -> Vocabulary.builtIn().withCues(badCue));
        assertThrows(MedvlException.class, () -> Vocabulary.builtIn().withCues(dir.resolve("missing.tsv")));
    }

    @Test
    void concurrentUseGivesTheSameLabels() {
        List<String> reports = List.of("Mild cardiomegaly. No effusion.", "Possible pneumonia.",
                "Right chest tube. Small pneumothorax.", "No acute disease.");
        List<ReportLabels> sequential = reports.stream().map(LABELER::label).toList();
        IntStream.range(0, 2000).parallel().forEach(i -> assertEquals(sequential.get(i % 4),
                LABELER.label(reports.get(i % 4))));
    }
}
