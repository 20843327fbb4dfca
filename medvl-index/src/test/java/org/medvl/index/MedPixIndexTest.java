package org.medvl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.io.SharedData;
import org.medvl.data.Dataset;
import org.medvl.data.Datasets;

/** Integration on the shared MedPix 2.0 data; skipped with a message when it is absent. */
class MedPixIndexTest {
    @TempDir
    Path tmp;

    private static Path medpix() {
        Optional<Path> root = SharedData.dataset("medpix-2.0");
        assumeTrue(root.isPresent(), SharedData.missingMessage("medpix-2.0"));
        return root.get();
    }

    @Test
    void everyImageBecomesACaseLinkedToItsCaseReport() {
        Dataset ds = Datasets.open("medpix-2.0:" + medpix());
        List<IndexedCase> cases = DatasetCases.of(ds).toList();
        assertEquals(1850, cases.size(), "train 1,653 + dev 197 image descriptions");
        long linked = cases.stream().filter(c -> c.caseId() != null && !c.report().isBlank()).count();
        assertEquals(cases.size(), linked, "every MedPix image belongs to a case with a report");
        assertTrue(cases.stream().allMatch(c -> c.id().startsWith(c.caseId() + "_")), "ids are CASE_synpicN");
        assertEquals(197, cases.stream().filter(c -> c.split().equals("validation")).count());
    }

    @Test
    void textOnlyIndexAnswersBm25QueriesWithFilters() {
        Dataset ds = Datasets.open("medpix-2.0:" + medpix());
        Path dir = tmp.resolve("medpix-text");
        IndexBuilder.Result r = IndexBuilder.build(dir, DatasetCases.of(ds), null,
                IndexBuilder.Options.DEFAULT.withSource("medpix-2.0"));
        assertEquals(1850, r.total());
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, null)) {
            List<SearchHit> hits = index.search(SimilarCaseQuery.builder().text("meningioma").modality("MR").k(10)
                    .build());
            assertEquals(10, hits.size());
            for (SearchHit h : hits) {
                IndexedCase c = h.item();
                assertEquals("MR", c.modality());
                String all = (c.caption() + c.report() + c.diagnosis()).toLowerCase(Locale.ROOT);
                assertTrue(all.contains("meningioma"), c.id());
                assertTrue(c.imagePath().endsWith(".png") || c.imagePath().endsWith(".jpg"), c.imagePath());
            }
        }
    }

    @Test
    void thumbnailBaselineEmbedsRealImages() {
        Dataset ds = Datasets.open("medpix-2.0:" + medpix() + "#dev");
        List<IndexedCase> cases = DatasetCases.of(ds).limit(12).toList();
        ThumbnailEmbedder thumb = new ThumbnailEmbedder(16);
        Path dir = tmp.resolve("medpix-thumb");
        IndexBuilder.Result r = IndexBuilder.build(dir, cases.stream(), thumb, IndexBuilder.Options.DEFAULT);
        assertEquals(12, r.written(), r.problems().toString());
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, thumb)) {
            IndexedCase q = cases.get(3);
            SearchHit top = index.search(SimilarCaseQuery.builder().image(Path.of(q.imagePath())).k(1).build()).get(0);
            assertEquals(q.id(), top.id());
            assertEquals(1.0, top.score(), 1e-4);
        }
    }
}
