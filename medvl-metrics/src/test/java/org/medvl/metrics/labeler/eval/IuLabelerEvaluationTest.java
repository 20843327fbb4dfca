package org.medvl.metrics.labeler.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medvl.core.io.SharedData;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.Observation;

class IuLabelerEvaluationTest {
    @Test
    void tagMappingFollowsTheDocumentedTable() {
        IuTagMapping m = IuTagMapping.standard();
        assertEquals(EnumSet.of(Observation.CARDIOMEGALY, Observation.LUNG_OPACITY),
                m.observations("Cardiomegaly/mild;Opacity/lung/base/left;Calcified Granuloma/lung"));
        assertEquals(EnumSet.of(Observation.PNEUMOTHORAX, Observation.PLEURAL_EFFUSION),
                m.observations("Hydropneumothorax/right"));
        assertEquals(EnumSet.of(Observation.PLEURAL_OTHER), m.observations("Thickening/pleura/apex/bilateral"));
        assertTrue(m.observations("Thickening/bronchovascular").isEmpty());
        assertTrue(m.observations("normal").isEmpty());
    }

    /** The acceptance goals on the real IU X-ray tags (about a second). */
    @Test
    void meetsTheQualityGoalsOnIuXray() {
        Path dir = SharedData.dataset("iu-xray-reports").orElse(null);
        Assumptions.assumeTrue(dir != null, SharedData.missingMessage("iu-xray-reports"));
        var r = IuLabelerEvaluation.evaluate(dir, FindingsLabeler.standard());
        assertEquals(3851, r.reports());
        assertTrue(r.microF1() >= 0.90, "micro-F1 " + r.microF1() + "\n" + IuLabelerEvaluation.format(r));
        assertTrue(r.noFindingAgreement() >= 0.95, "No Finding agreement " + r.noFindingAgreement());
    }
}
