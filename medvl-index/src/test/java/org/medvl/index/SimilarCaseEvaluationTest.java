package org.medvl.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimilarCaseEvaluationTest {
    @TempDir
    Path tmp;

    @Test
    void ratesCountSameCaseAndSameDiagnosisHits() {
        TopicEmbedder embedder = new TopicEmbedder();
        List<IndexedCase> cases = Fixtures.cases(tmp.resolve("images"));
        Path dir = tmp.resolve("index");
        IndexBuilder.build(dir, cases.stream(), embedder, IndexBuilder.Options.DEFAULT);
        // Queries: the validation split (case 2 of each topic, 2 images each) = 10 queries.
        List<IndexedCase> dev = cases.stream().filter(c -> c.split().equals("validation")).toList();
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            SimilarCaseEvaluation.Result r = SimilarCaseEvaluation.run(index, dev.stream(), 10, 1, 5);
            assertArrayEquals(new int[] {1, 5, 10}, r.ks());
            assertEquals(10, r.queries());
            assertEquals(0, r.skipped());
            assertEquals(10, r.sameCase().queries());
            // Each topic has 6 images; the topic embedder puts them together, so within 5 the query's own case
            // partner must appear (5 other images of the topic fill ranks 1-5).
            assertEquals(1.0, r.sameCase().hitRateAt()[1], 1e-9);
            assertEquals(1.0, r.sameCase().hitRateAt()[2], 1e-9);
            assertEquals(10, r.sameCaseOrDiagnosis().queries());
            assertEquals(1.0, r.sameCaseOrDiagnosis().hitRateAt()[2], 1e-9);
        }
    }

    @Test
    void exactRatesOnACraftedIndex() {
        // Case A has two images that look unlike each other (brain, spine); case B shares A's diagnosis and looks
        // like A's brain image; case Z looks like A's spine image but shares nothing with A.
        TopicEmbedder embedder = new TopicEmbedder();
        Path img = tmp.resolve("img");
        List<IndexedCase> cases = new ArrayList<>();
        cases.add(c("a1", TopicEmbedder.image(img, "a1", "brain", 1), "A", "Meningioma."));
        cases.add(c("a2", TopicEmbedder.image(img, "a2", "spine", 2), "A", "Meningioma."));
        cases.add(c("b1", TopicEmbedder.image(img, "b1", "brain", 3), "B", "meningioma"));
        cases.add(c("z1", TopicEmbedder.image(img, "z1", "spine", 4), "Z", "Unique"));
        Path dir = tmp.resolve("crafted");
        IndexBuilder.build(dir, cases.stream(), embedder, IndexBuilder.Options.DEFAULT);
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            SimilarCaseEvaluation.Result r = SimilarCaseEvaluation.run(index, cases.stream(), 1, 3);
            assertEquals(4, r.queries());
            // Same case: a1 and a2 have a partner (each other), b1 and z1 do not. a1's nearest is b1 (brain), a2's
            // is z1 (spine): neither finds its partner first, both within the 3 other images.
            assertEquals(2, r.sameCase().queries());
            assertEquals(0.0, r.sameCase().hitRateAt()[0], 1e-9);
            assertEquals(1.0, r.sameCase().hitRateAt()[1], 1e-9);
            // Same case or diagnosis: a1, a2, b1 qualify (the diagnosis key ignores case and the trailing period).
            assertEquals(3, r.sameCaseOrDiagnosis().queries());
            // a1 -> b1 at rank 1 (same diagnosis); b1 -> a1 at rank 1; a2 -> z1 at rank 1, not relevant.
            assertEquals(2.0 / 3, r.sameCaseOrDiagnosis().hitRateAt()[0], 1e-9);
            assertEquals(1.0, r.sameCaseOrDiagnosis().hitRateAt()[1], 1e-9);
        }
    }

    private static IndexedCase c(String id, Path image, String caseId, String diagnosis) {
        return new IndexedCase(id, image.toString(), "", "", diagnosis, "CT", null, "validation", caseId, "t");
    }
}
