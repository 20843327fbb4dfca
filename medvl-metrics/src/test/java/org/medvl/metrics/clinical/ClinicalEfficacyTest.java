package org.medvl.metrics.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medvl.metrics.classification.Prf;
import org.medvl.metrics.clinical.ClinicalEfficacy.Definition;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;

/**
 * Hand-computed CE on three report pairs (the working is in the comments):
 * ref1 {Cardiomegaly P, Effusion U} vs gen1 {Cardiomegaly P, Effusion P};
 * ref2 {Edema P} vs gen2 {Cardiomegaly U, Edema N}; ref3 {No Finding P} vs gen3 {No Finding P}.
 */
class ClinicalEfficacyTest {
    private static final double EPS = 1e-12;
    private static final FindingState P = FindingState.POSITIVE;
    private static final FindingState U = FindingState.UNCERTAIN;
    private static final FindingState N = FindingState.NEGATIVE;

    private static final List<ReportLabels> REF = List.of(
            ReportLabels.of(Map.of(Observation.CARDIOMEGALY, P, Observation.PLEURAL_EFFUSION, U)),
            ReportLabels.of(Map.of(Observation.EDEMA, P)),
            ReportLabels.of(Map.of(Observation.NO_FINDING, P)));
    private static final List<ReportLabels> GEN = List.of(
            ReportLabels.of(Map.of(Observation.CARDIOMEGALY, P, Observation.PLEURAL_EFFUSION, P)),
            ReportLabels.of(Map.of(Observation.CARDIOMEGALY, U, Observation.EDEMA, N)),
            ReportLabels.of(Map.of(Observation.NO_FINDING, P)));

    @Test
    void r2genUncertainIsNegative() {
        // positives: gen {C,PE},{},{NF}; ref {C},{E},{NF}. C tp1; PE fp1; E fn1; NF tp1 -> micro tp2 fp1 fn1.
        var r = ClinicalEfficacy.compute(Definition.R2GEN, GEN, REF);
        assertPrf(2.0 / 3, 2.0 / 3, 2.0 / 3, r.micro());
        // macro over 14: only Cardiomegaly and No Finding score 1 -> 2/14 for P, R and F1; zero-division classes = 0.
        assertPrf(2.0 / 14, 2.0 / 14, 2.0 / 14, r.macro());
        assertEquals(14, r.perObservation().size());
        assertPrf(0, 0, 0, r.perObservation().get(Observation.PLEURAL_EFFUSION.ordinal()).prf());
        assertEquals(1, r.perObservation().get(Observation.EDEMA.ordinal()).support());
        assertNull(r.examples());
        assertEquals(2.0 / 3, r.headlineF1(), EPS);
    }

    @Test
    void uonesOver14UncertainIsPositive() {
        // gen {C,PE},{C},{NF}; ref {C,PE},{E},{NF}. C tp1 fp1; PE tp1; E fn1; NF tp1 -> micro tp3 fp1 fn1.
        var r = ClinicalEfficacy.compute(Definition.UONES_14, GEN, REF);
        assertPrf(0.75, 0.75, 0.75, r.micro());
        // per class C (0.5, 1, 2/3), PE (1,1,1), NF (1,1,1), rest 0.
        assertPrf(2.5 / 14, 3.0 / 14, (2.0 / 3 + 2) / 14, r.macro());
    }

    @Test
    void uonesOverTheFiveCompetitionObservations() {
        // classes C, E, Consolidation, Atelectasis, PE: C (0.5,1,2/3), E 0, PE 1 -> micro tp2 fp1 fn1.
        var r = ClinicalEfficacy.compute(Definition.UONES_5, GEN, REF);
        assertEquals(5, r.perObservation().size());
        assertPrf(2.0 / 3, 2.0 / 3, 2.0 / 3, r.micro());
        assertPrf(1.5 / 5, 2.0 / 5, (2.0 / 3 + 1) / 5, r.macro());
    }

    @Test
    void exampleBasedAveragesPerReport() {
        // report 1: tp1 fp1 -> (0.5, 1, 2/3); report 2: nothing predicted -> (0, 0, 0); report 3: (1, 1, 1).
        var r = ClinicalEfficacy.compute(Definition.EXAMPLE_BASED, GEN, REF);
        assertPrf(0.5, 2.0 / 3, 5.0 / 9, r.examples());
        assertEquals(5.0 / 9, r.headlineF1(), EPS);
    }

    @Test
    void emptyReportsScoreZeroNotOne() {
        var empty = List.of(ReportLabels.of(Map.of()));
        var r = ClinicalEfficacy.compute(Definition.EXAMPLE_BASED, empty, empty);
        assertPrf(0, 0, 0, r.examples());
        assertPrf(0, 0, 0, ClinicalEfficacy.compute(Definition.R2GEN, empty, empty).micro());
    }

    @Test
    void allDefinitionsByNameAndMismatchedSizesRejected() {
        assertEquals(4, ClinicalEfficacy.all(GEN, REF).size());
        assertEquals(Definition.UONES_5, Definition.parse("uones-5"));
        assertThrows(IllegalArgumentException.class, () -> Definition.parse("chexbert"));
        assertThrows(IllegalArgumentException.class, () -> ClinicalEfficacy.compute(Definition.R2GEN, GEN,
                REF.subList(0, 2)));
    }

    static void assertPrf(double p, double r, double f, Prf got) {
        assertEquals(p, got.precision(), EPS, "precision");
        assertEquals(r, got.recall(), EPS, "recall");
        assertEquals(f, got.f1(), EPS, "f1");
    }
}
