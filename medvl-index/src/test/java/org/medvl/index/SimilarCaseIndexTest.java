package org.medvl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SimilarCaseIndexTest extends BuiltIndexFixture {
    @Test
    void buildReportsWhatItWrote() {
        assertEquals(30, built.written());
        assertEquals(30, built.total());
        assertEquals(0, built.skipped());
    }

    @Test
    void imageQueryRanksSameTopicFirstWithCosineScores() {
        IndexedCase q = cases.get(0); // brain-case0-img0
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            List<SearchHit> hits = index.search(SimilarCaseQuery.builder().image(Path.of(q.imagePath())).k(6).build());
            assertEquals(6, hits.size());
            assertEquals(q.id(), hits.get(0).id(), "an image is its own nearest neighbour");
            assertEquals(1.0, hits.get(0).score(), 1e-4);
            for (SearchHit h : hits) {
                assertEquals("brain", h.item().caseId().split("-")[0], "6 brain images exist: " + hits);
                assertTrue(h.imageRank() > 0 && h.textRank() == 0);
            }
            for (int i = 1; i < hits.size(); i++) {
                assertTrue(hits.get(i - 1).score() >= hits.get(i).score());
            }
        }
    }

    @Test
    void storedFieldsRoundTrip() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, null)) {
            for (IndexedCase c : cases) {
                assertEquals(c, index.get(c.id()).orElseThrow());
            }
            assertTrue(index.get("nope").isEmpty());
            assertEquals(30, index.size());
            assertEquals("topic-test", index.meta().embedder());
            assertEquals(16, index.meta().dimension());
        }
    }

    @Test
    void bm25FindsWordsInCaptionsAndReportsWithoutAModel() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, null)) {
            List<SearchHit> hits = index.search(SimilarCaseQuery.builder().text("meningioma").k(10).build());
            // Captions of brain cases 1 and 2 (2 images each) say meningioma; so do their diagnoses.
            assertEquals(Set.of("brain-case1", "brain-case2"), caseIds(hits));
            assertEquals(4, hits.size());
            assertTrue(hits.get(0).textRank() == 1 && hits.get(0).imageRank() == 0);
            // Stemming: "enhancing lesions" matches "Ring-enhancing lesion" and "enhancement".
            Set<String> lesion = caseIds(index.search(SimilarCaseQuery.builder().text("enhancing lesions").build()));
            assertTrue(lesion.contains("brain-case0") && lesion.contains("liver-case0"), lesion.toString());
        }
    }

    @Test
    void filtersOnModalityBodyPartSplitAndExcludedIds() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            Path brain = Path.of(cases.get(0).imagePath());
            List<SearchHit> ct = index.search(SimilarCaseQuery.builder().image(brain).modality("ct").k(30).build());
            assertEquals(15, ct.size());
            assertTrue(ct.stream().allMatch(h -> h.item().modality().equals("CT")));
            List<SearchHit> chest = index.search(SimilarCaseQuery.builder().image(brain)
                    .bodyPart("chest, PULMONARY").k(30).build());
            assertEquals(6, chest.size());
            assertTrue(chest.stream().allMatch(h -> h.item().caseId().startsWith("chest")));
            List<SearchHit> dev = index.search(SimilarCaseQuery.builder().text("fracture").split("dev").k(30).build());
            assertEquals(Set.of("spine-case2"), caseIds(dev));
            List<SearchHit> excl = index.search(SimilarCaseQuery.builder().image(brain).exclude(cases.get(0).id())
                    .k(30).build());
            assertEquals(29, excl.size());
            assertFalse(excl.stream().anyMatch(h -> h.id().equals(cases.get(0).id())));
            List<SearchHit> none = index.search(SimilarCaseQuery.builder().image(brain).modality("US").build());
            assertTrue(none.isEmpty());
        }
    }

    @Test
    void hybridQueriesFuseByReciprocalRank() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            // Image of a chest case, text about the knee: both topics must come back, each hit carrying its ranks.
            SimilarCaseQuery q = SimilarCaseQuery.builder().image(Path.of(cases.get(6).imagePath()))
                    .text("cruciate ligament").k(30).build();
            List<SearchHit> hits = index.search(q);
            SearchHit top = hits.get(0);
            double expected = (top.imageRank() > 0 ? 1.0 / (60 + top.imageRank()) : 0)
                    + (top.textRank() > 0 ? 1.0 / (60 + top.textRank()) : 0);
            assertEquals(expected, top.score(), 1e-6);
            Set<String> first8 = hits.subList(0, 8).stream().map(h -> h.item().caseId().split("-")[0])
                    .collect(Collectors.toSet());
            assertEquals(Set.of("chest", "knee"), first8);
        }
    }

    @Test
    void textEmbeddingQueriesMatchImagesCrossModally() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            List<SearchHit> hits = index.search(SimilarCaseQuery.builder().text("a liver scan")
                    .textMode(SimilarCaseQuery.TextMode.EMBEDDING).k(6).build());
            assertEquals(Set.of("liver-case0", "liver-case1", "liver-case2"), caseIds(hits));
            assertTrue(hits.stream().allMatch(h -> h.textEmbeddingRank() > 0 && h.textRank() == 0));
        }
    }

    @Test
    void updateAddsReplacesAndDeletesByIdAndReadersSeeItAfterRefresh() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            IndexedCase old = cases.get(0);
            IndexedCase replaced = new IndexedCase(old.id(), old.imagePath(), "Replaced caption about hydrocephalus",
                    old.report(), old.diagnosis(), old.modality(), old.bodyPart(), old.split(), old.caseId(),
                    old.dataset());
            Path img = TopicEmbedder.image(tmp.resolve("images"), "new", "knee", 99);
            IndexedCase added = new IndexedCase("new-knee", img.toString(), "Osgood-Schlatter disease", "", "", "MR",
                    "Musculoskeletal", "test", "knee-new", "fixture");
            IndexBuilder.Result r = IndexBuilder.update(dir, List.of(replaced, added).stream(), embedder, false);
            assertEquals(2, r.written());
            assertEquals(31, r.total());
            // The open snapshot is unchanged until refresh.
            assertEquals(30, index.size());
            assertTrue(index.search(SimilarCaseQuery.builder().text("hydrocephalus").build()).isEmpty());
            assertTrue(index.refresh());
            assertFalse(index.refresh(), "nothing new the second time");
            assertEquals(31, index.size());
            assertEquals(List.of(old.id()), ids(index.search(SimilarCaseQuery.builder().text("hydrocephalus").build())));
            assertEquals("new-knee", index.search(SimilarCaseQuery.builder().image(img).k(1).build()).get(0).id());
            assertEquals(30, IndexBuilder.delete(dir, List.of("new-knee", "no-such-id")));
            index.refresh();
            assertTrue(index.get("new-knee").isEmpty());
        }
    }

    @Test
    void rebuildSwapsInAtomicallyAndOpenReadersKeepWorkingUntilRefresh() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            String firstBuild = index.meta().buildId();
            IndexBuilder.build(dir, cases.subList(0, 10).stream(), embedder, IndexBuilder.Options.DEFAULT);
            assertEquals(30, index.size(), "the old snapshot still answers");
            // 2 brain images say "lesion", 6 liver images "lesion", 6 chest images "nodule".
            assertEquals(14, index.search(SimilarCaseQuery.builder().text("lesion nodule").k(30).build()).size());
            assertTrue(index.refresh());
            assertEquals(10, index.size());
            // The first 10 cases are brain (6) and chest (4): 2 lesions, 4 nodules.
            assertEquals(6, index.search(SimilarCaseQuery.builder().text("lesion nodule").k(30).build()).size());
            assertFalse(firstBuild.equals(index.meta().buildId()));
            assertTrue(IndexBuilder.leftovers(dir).isEmpty(), "no temporary folders remain");
        }
    }

    @Test
    void imagesThatCannotBeEmbeddedAreSkippedAndNamed() {
        Path bad = TopicEmbedder.image(tmp.resolve("images"), "bad", "fail", 0);
        IndexedCase broken = new IndexedCase("broken", bad.toString(), "x", "", "", null, null, null, null, "f");
        IndexedCase missing = new IndexedCase("missing", tmp.resolve("nope.png").toString(), "y", "", "", null, null,
                null, null, "f");
        IndexBuilder.Result r = IndexBuilder.build(tmp.resolve("i2"), List.of(broken, missing, cases.get(0)).stream(),
                embedder, IndexBuilder.Options.DEFAULT);
        assertEquals(1, r.written());
        assertEquals(2, r.skipped());
        assertTrue(r.problems().get(0).startsWith("broken: cannot decode"), r.problems().toString());
        assertTrue(r.problems().get(1).contains("image file not found"), r.problems().toString());
    }

    @Test
    void textOnlyIndexServesBm25() {
        Path textDir = tmp.resolve("text-only");
        IndexBuilder.build(textDir, cases.stream(), null, IndexBuilder.Options.DEFAULT);
        try (SimilarCaseIndex index = SimilarCaseIndex.open(textDir, embedder)) {
            assertFalse(index.meta().hasVectors());
            assertEquals(6, index.search(SimilarCaseQuery.builder().text("cruciate").build()).size());
        }
    }

    static Set<String> caseIds(List<SearchHit> hits) {
        return hits.stream().map(h -> h.item().caseId()).collect(Collectors.toSet());
    }

    static List<String> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::id).toList();
    }
}
