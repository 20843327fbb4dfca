package org.medvl.metrics.clinical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medvl.metrics.clinical.ClinicalEfficacy.Definition;
import org.medvl.metrics.clinical.ClinicalEfficacy.Tally;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;

/** Tallies of slices, merged, equal compute() over the whole list. */
class ClinicalEfficacyTallyTest {
    @Test
    void mergedSlicesEqualTheWholeComputation() {
        SplittableRandom rng = new SplittableRandom(11);
        List<ReportLabels> gen = new ArrayList<>();
        List<ReportLabels> ref = new ArrayList<>();
        FindingState[] states = FindingState.values();
        for (int i = 0; i < 500; i++) {
            List<FindingState> g = new ArrayList<>();
            List<FindingState> r = new ArrayList<>();
            for (int k = 0; k < Observation.all().size(); k++) {
                g.add(states[rng.nextInt(states.length)]);
                r.add(states[rng.nextInt(states.length)]);
            }
            gen.add(ReportLabels.of(g));
            ref.add(ReportLabels.of(r));
        }
        for (Definition d : Definition.values()) {
            Tally a = new Tally(d);
            Tally b = new Tally(d);
            for (int i = 0; i < gen.size(); i++) {
                (i < 173 ? a : b).add(gen.get(i), ref.get(i));
            }
            ClinicalEfficacy.Result expected = ClinicalEfficacy.compute(d, gen, ref);
            ClinicalEfficacy.Result got = a.merge(b).result();
            assertEquals(expected.perObservation(), got.perObservation(), d.id());
            assertEquals(expected.micro(), got.micro(), d.id());
            assertEquals(expected.macro(), got.macro(), d.id());
            if (d == Definition.EXAMPLE_BASED) {
                assertEquals(expected.examples().f1(), got.examples().f1(), 1e-12);
                assertEquals(expected.examples().precision(), got.examples().precision(), 1e-12);
                assertEquals(expected.examples().recall(), got.examples().recall(), 1e-12);
            } else {
                assertEquals(null, got.examples());
            }
            assertEquals(500, got.reports());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new Tally(Definition.R2GEN).merge(new Tally(Definition.UONES_5)));
    }
}
