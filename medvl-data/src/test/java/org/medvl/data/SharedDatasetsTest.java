package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.medvl.core.io.SharedData;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;

/** The acceptance counts of issue 4 on the real data in ../shared/data. */
class SharedDatasetsTest {
    private static Path shared(String name) {
        var p = SharedData.dataset(name);
        Assumptions.assumeTrue(p.isPresent(), SharedData.missingMessage(name));
        return p.get();
    }

    @Test
    void vqaRadMevfSplit() {
        Path root = shared("vqa-rad");
        Dataset ds = Datasets.open("vqa-rad:" + root);
        List<VqaItem> all = ds.vqaItems().toList();
        assertEquals(3064, all.stream().filter(v -> v.split() == Split.TRAIN).count());
        assertEquals(451, all.stream().filter(v -> v.split() == Split.TEST).count());
        assertEquals(List.of(), ds.problems());
        assertEquals(451, Datasets.open("vqa-rad:" + root + "#test").vqaItems().count());
        VqaItem first = all.get(0);
        assertEquals("Are regions of the brain infarcted?", first.question());
        assertEquals(AnswerType.CLOSED, first.answerType());
        assertEquals("PRES", first.questionType());
        assertTrue(Path.of(first.image().path()).isAbsolute());
        assertTrue(Files.exists(Path.of(first.image().path())), first.image().path());
        // "CLOSED " with a trailing space in two records still parses
        assertEquals(all.size(), all.stream().filter(v -> v.answerType() != null).count());
    }

    @Test
    void vqaRadPublicJson() {
        Path root = shared("vqa-rad");
        Dataset ds = Datasets.open("vqa-rad-osf:" + root);
        List<VqaItem> all = ds.vqaItems().toList();
        assertEquals(2248, all.size());
        assertEquals(451, all.stream().filter(v -> v.split() == Split.TEST).count());
        assertEquals(List.of(), ds.problems());
    }

    @Test
    void pathVqaSubset() {
        Path root = shared("pathvqa-subset");
        Dataset ds = Datasets.open("pathvqa-subset:" + root);
        List<VqaItem> all = ds.vqaItems().toList();
        assertEquals(6175, all.size());
        Set<String> images = all.stream().map(v -> v.image().path()).collect(Collectors.toSet());
        assertEquals(800, images.size());
        assertTrue(images.stream().allMatch(p -> Files.exists(Path.of(p))));
        assertTrue(all.stream().allMatch(v -> v.split() == Split.TRAIN));
        assertEquals(List.of(), ds.problems());
    }

    @Test
    void medpixPairsAndCases() {
        Path root = shared("medpix-2.0");
        Dataset ds = Datasets.open("medpix-2.0:" + root);
        List<ImageTextPair> pairs = ds.pairs().toList();
        assertEquals(1850, pairs.size());
        assertEquals(1653, pairs.stream().filter(p -> p.split() == Split.TRAIN).count());
        assertEquals(197, pairs.stream().filter(p -> p.split() == Split.VALIDATION).count());
        assertTrue(pairs.stream().allMatch(p -> Files.exists(Path.of(p.image().path()))), "every image resolves");
        assertTrue(pairs.stream().filter(p -> p.demographics().sex() != null).count() > 1700);
        List<ReportStudy> cases = ds.studies().toList();
        assertEquals(602, cases.size());
        assertEquals(67, cases.stream().filter(p -> p.split() == Split.VALIDATION).count());
        assertTrue(cases.stream().allMatch(c -> !c.images().isEmpty()));
        assertEquals(List.of(), ds.problems());
        assertEquals(197, Datasets.open("medpix:" + root + "#dev").pairs().count());
    }

    @Test
    void iuXrayWithoutImages() {
        Path root = shared("iu-xray-reports");
        Dataset ds = Datasets.open("iu-xray-reports:" + root);
        List<ReportStudy> all = ds.studies().toList();
        assertEquals(2069, all.stream().filter(s -> s.split() == Split.TRAIN).count());
        assertEquals(296, all.stream().filter(s -> s.split() == Split.VALIDATION).count());
        assertEquals(590, all.stream().filter(s -> s.split() == Split.TEST).count());
        assertEquals(5910, all.stream().mapToLong(s -> s.images().size()).sum());
        assertTrue(all.stream().filter(s -> !s.tags().isEmpty()).count() > 2900, "MeSH tags joined by uid");
        // images are absent here: one warning, nothing skipped
        assertEquals(1, ds.problems().size(), ds.problems().toString());
        assertTrue(!ds.problems().get(0).skipped());

        Dataset csv = Datasets.open("iu-xray-indiana:" + root);
        List<ReportStudy> reports = csv.studies().toList();
        assertEquals(3851, reports.size());
        Set<String> views = new HashSet<>();
        reports.forEach(r -> r.images().forEach(i -> views.add(i.view())));
        assertTrue(views.contains("Frontal") && views.contains("Lateral"), views.toString());
        assertEquals(7466, reports.stream().mapToLong(s -> s.images().size()).sum());
    }
}
