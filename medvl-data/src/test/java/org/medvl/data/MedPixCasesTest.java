package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medvl.core.io.SharedData;
import org.medvl.core.record.ReportStudy;

/** medpix-2.0-cases: the case-level view of MedPix 2.0 for report generation (all images of a case -> Findings). */
class MedPixCasesTest {
    @Test
    void casesOnlyWithAllTheirImagesAndFindings() {
        var root = SharedData.dataset("medpix-2.0");
        Assumptions.assumeTrue(root.isPresent(), SharedData.missingMessage("medpix-2.0"));
        Dataset ds = Datasets.open("medpix-2.0-cases:" + root.get() + "#dev");
        assertEquals(Set.of(RecordKind.STUDY), ds.kinds());
        assertEquals(0, ds.pairs().count(), "no image-caption pairs in the case view");
        List<ReportStudy> dev = ds.studies().toList();
        assertEquals(67, dev.size());
        ReportStudy first = dev.get(0);
        assertEquals("MPX2483", first.id());
        assertEquals(2, first.images().size(), "one CT and one MR image");
        assertTrue(first.sections().findings().startsWith("Axial T2 MRI from 3 months prior"));
        assertTrue(dev.stream().flatMap(s -> s.images().stream()).allMatch(i -> Files.exists(Path.of(i.path()))));
        assertEquals(197, dev.stream().mapToInt(s -> s.images().size()).sum(), "the dev cases hold the dev images");
        assertEquals("medpix-2.0-cases", DatasetSpec.parse("medpix-cases:x").name());
    }
}
