package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medvl.core.MedvlException;
import org.medvl.core.record.Split;

class DatasetSpecTest {
    @Test
    void parsesNamePathAndSplit() {
        DatasetSpec s = DatasetSpec.parse("vqa-rad:../shared/data/vqa-rad#test");
        assertEquals("vqa-rad", s.name());
        assertEquals(Path.of("../shared/data/vqa-rad"), s.path());
        assertEquals(Optional.of(Split.TEST), s.split());
        assertEquals("vqa-rad:../shared/data/vqa-rad#test", s.toString());
        assertEquals(Optional.of(Split.VALIDATION), DatasetSpec.parse("SLAKE:/d#dev").split());
        assertEquals(Optional.empty(), DatasetSpec.parse("slake:/d#all").split());
        assertEquals("manifest", DatasetSpec.parse("manifest:out/m.jsonl").name());
    }

    @Test
    void aliasesMapToCanonicalNames() {
        assertEquals("pathvqa", DatasetSpec.parse("pathvqa-subset:x").name());
        assertEquals("iu-xray", DatasetSpec.parse("iu-xray-reports:x").name());
        assertEquals("medpix-2.0", DatasetSpec.parse("medpix:x").name());
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        MedvlException e = assertThrows(MedvlException.class, () -> DatasetSpec.parse("vqarad:data"));
        assertTrue(e.getMessage().startsWith("unknown dataset 'vqarad'; known: roco, medicat"), e.getMessage());
        assertTrue(e.getMessage().contains("vqa-rad"), e.getMessage());
    }

    @Test
    void malformedSpecsSayWhatIsExpected() {
        assertTrue(assertThrows(MedvlException.class, () -> DatasetSpec.parse("data/vqa-rad")).getMessage()
                .contains("must be NAME:PATH"));
        assertTrue(assertThrows(MedvlException.class, () -> DatasetSpec.parse("vqa-rad:")).getMessage()
                .contains("has no path"));
        assertTrue(assertThrows(MedvlException.class, () -> DatasetSpec.parse("vqa-rad:x#tset")).getMessage()
                .contains("unknown split 'tset'"));
        assertTrue(assertThrows(MedvlException.class, () -> Datasets.open("vqa-rad:/no/such/dir")).getMessage()
                .contains("dataset path not found: /no/such/dir"));
    }

    @Test
    void registryHasEveryDatasetOfTheIssueAndAllLoad() {
        for (String n : new String[] {"roco", "medicat", "pmc-oa", "chimed-vl", "ffa-ir", "padchest", "mimic-cxr",
            "openpath", "quilt-1m", "fairvlmed", "iu-xray", "medpix-2.0", "vqa-rad", "slake", "pathvqa", "vqa-med-2019",
            "vqa-med-2020", "vqa-med-2021", "pmc-vqa", "omnimedvqa", "probmed"}) {
            DatasetInfo d = DatasetRegistry.require(n);
            assertTrue(d.loadable(), n);
            assertTrue(d.homepage().startsWith("https://"), n);
            assertTrue(!d.licence().isBlank() && !d.images().isBlank() && !d.texts().isBlank(), n);
        }
    }
}
