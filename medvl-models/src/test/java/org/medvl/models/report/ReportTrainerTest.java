package org.medvl.models.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.report.decode.DecodeOptions;

/** Trains tiny report models on synthetic two-view studies whose right report is known. */
class ReportTrainerTest {
    @TempDir
    Path tmp;

    private static int exact(List<String> generated, List<ReportExample> examples) {
        int n = 0;
        for (int i = 0; i < examples.size(); i++) {
            String want = String.join(" ", WordVocabulary.words(examples.get(i).text()));
            if (String.join(" ", WordVocabulary.words(generated.get(i))).equals(want)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void transformerLearnsBothViewsAndLoadsAsReportWriter() throws Exception {
        Files.createDirectories(tmp.resolve("img"));
        List<ReportExample> data = SyntheticStudies.make(tmp.resolve("img"), 64, 1);
        ReportTrainer.Result r = ReportTrainer.train(data, data.subList(0, 16), SyntheticStudies.config("transformer"),
                SyntheticStudies.options(25, 0), tmp.resolve("run"));
        assertTrue(Files.isRegularFile(tmp.resolve("run/metrics.jsonl")));
        assertTrue((Double) r.lastEpoch().get("train_loss") < 0.3, "train loss " + r.lastEpoch());
        assertEquals(MedvlModels.Task.REPORT, MedvlModels.requireTask(r.model()));
        try (ReportModel model = ReportModel.open(r.model())) {
            List<List<Path>> studies = data.stream().map(ReportExample::images).toList();
            List<String> greedy = model.writeReports(studies, DecodeOptions.greedy(16));
            assertTrue(exact(greedy, data) >= 56, "exact reports " + exact(greedy, data) + "/64: " + greedy);
            // Batch decoding gives what one study at a time gives.
            List<String> beamBatch = model.writeReports(studies.subList(0, 8), DecodeOptions.beam(3, 16));
            for (int i = 0; i < 8; i++) {
                assertEquals(beamBatch.get(i), model.writeReports(List.of(studies.get(i)), DecodeOptions.beam(3, 16))
                        .get(0));
            }
        }
        try (ReportWriter w = MedvlModels.openReportWriter(r.model())) {
            String report = w.writeReport(data.get(5).images());
            assertTrue(report.startsWith("First view"), report);
        }
        assertThrows(MedvlException.class, () -> ReportTrainer.train(data, List.of(),
                SyntheticStudies.config("transformer"), SyntheticStudies.options(1, 0), tmp.resolve("run")));
    }

    @Test
    void r2genVariantLearnsToo() throws Exception {
        Files.createDirectories(tmp.resolve("img"));
        List<ReportExample> data = SyntheticStudies.make(tmp.resolve("img"), 64, 2);
        ReportTrainer.Result r = ReportTrainer.train(data, List.of(), SyntheticStudies.config("r2gen"),
                SyntheticStudies.options(25, 0), tmp.resolve("run"));
        try (ReportModel model = ReportModel.open(r.model())) {
            assertEquals("r2gen", model.config().decoder());
            List<String> greedy = model.writeReports(data.stream().map(ReportExample::images).toList(),
                    DecodeOptions.greedy(16));
            assertTrue(exact(greedy, data) >= 48, "exact reports " + exact(greedy, data) + "/64: " + greedy);
        }
    }

    @Test
    void interruptedAndResumedRunEqualsUninterruptedRun() throws Exception {
        Files.createDirectories(tmp.resolve("img"));
        List<ReportExample> data = SyntheticStudies.make(tmp.resolve("img"), 32, 3);
        List<ReportExample> validation = data.subList(0, 8);
        var images = org.medvl.models.train.InMemoryImages.cache(
                org.medvl.models.train.PipelineImages.grey(SyntheticStudies.SIZE),
                data.stream().flatMap(e -> e.images().stream()).toList());
        ReportConfig config = SyntheticStudies.config("r2gen");
        ReportTrainOptions o = SyntheticStudies.options(3, 3);
        // scored every epoch, so best/ is chosen (and written) during the run, across the interruption
        ReportTrainOptions options = new ReportTrainOptions(o.epochs(), o.batchSize(), o.learningRate(),
                o.minLearningRate(), o.warmupSteps(), o.weightDecay(), o.gradClip(), o.labelSmoothing(), o.seed(),
                o.checkpointEvery(), o.augment(), o.minCount(), 1, 0, null);
        ReportTrainer.Result full = new ReportTrainer(config, options, images)
                .train(data, validation, tmp.resolve("full"), false, null);
        List<Long> seen = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> new ReportTrainer(config, options, images)
                .train(data, validation, tmp.resolve("cut"), false, (step, loss) -> {
                    seen.add(step);
                    if (step == 4) {
                        throw new IllegalStateException("interrupted");
                    }
                }));
        ReportTrainer.Result cut = new ReportTrainer(config, options, images)
                .train(data, validation, tmp.resolve("cut"), true, null);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("full/model/model.params")),
                Files.readAllBytes(tmp.resolve("cut/model/model.params")));
        assertEquals(Files.readString(tmp.resolve("full/metrics.jsonl")).replaceAll("\"seconds\":[0-9.]+", ""),
                Files.readString(tmp.resolve("cut/metrics.jsonl")).replaceAll("\"seconds\":[0-9.]+", ""));
        assertTrue(full.bestEpoch() >= 1 && full.bestEpoch() <= 3, "best epoch " + full.bestEpoch());
        assertEquals(full.bestEpoch(), cut.bestEpoch());
        assertEquals(tmp.resolve("cut/best"), cut.best());
        assertArrayEquals(Files.readAllBytes(full.best().resolve("model.params")),
                Files.readAllBytes(cut.best().resolve("model.params")));
        assertEquals(MedvlModels.Task.REPORT, MedvlModels.requireTask(cut.best()));
    }

    @Test
    void patienceStopsAfterTheBestEpochAndBestHoldsThatEpoch() throws Exception {
        Files.createDirectories(tmp.resolve("img"));
        List<ReportExample> data = SyntheticStudies.make(tmp.resolve("img"), 32, 4);
        var images = org.medvl.models.train.InMemoryImages.cache(
                org.medvl.models.train.PipelineImages.grey(SyntheticStudies.SIZE),
                data.stream().flatMap(e -> e.images().stream()).toList());
        ReportTrainOptions o = SyntheticStudies.options(8, 0);
        ReportTrainOptions options = new ReportTrainOptions(o.epochs(), o.batchSize(), o.learningRate(),
                o.minLearningRate(), o.warmupSteps(), o.weightDecay(), o.gradClip(), o.labelSmoothing(), o.seed(),
                0, o.augment(), o.minCount(), 1, 0, null);
        ReportTrainer.Result r = new ReportTrainer(SyntheticStudies.config("transformer"), options, images)
                .patience(1).train(data, data.subList(0, 8), tmp.resolve("run"), false, null);
        List<String> lines = Files.readAllLines(tmp.resolve("run/metrics.jsonl"));
        int best = r.bestEpoch();
        assertTrue(lines.size() == 8 || lines.size() - best == 1, lines.size() + " epochs, best " + best);
        double bestScore = -1;
        for (String line : lines) {
            var m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
            double v = m.get(ReportTrainer.SELECTION_METRIC).asDouble();
            if (m.get("epoch").asInt() == best) {
                bestScore = v;
            }
        }
        for (String line : lines) {
            assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line)
                    .get(ReportTrainer.SELECTION_METRIC).asDouble() <= bestScore, line);
        }
        var training = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.best().resolve("training.json").toFile());
        assertEquals(best, training.get("history").size(), "best/ holds the state of its epoch");
        try (ReportWriter w = MedvlModels.openReportWriter(r.best())) {
            assertTrue(!w.writeReport(data.get(0).images()).isBlank());
        }
    }

    @Test
    void caseHoldOutKeepsStudiesAndImagesOfACaseTogether() {
        List<ReportExample> pairs = new ArrayList<>();
        List<ReportExample> studies = new ArrayList<>();
        for (int c = 0; c < 100; c++) {
            studies.add(new ReportExample("MPX" + c, List.of(Path.of("MPX" + c + "_synpic0.png")), "r"));
            for (int i = 0; i < 3; i++) {
                pairs.add(new ReportExample("MPX" + c + "_synpic" + i, List.of(Path.of("x.png")), "t"));
            }
        }
        var p = org.medvl.models.train.CaseHoldout.split(pairs, ReportExample::id, 0.2, 42);
        var s = org.medvl.models.train.CaseHoldout.split(studies, ReportExample::id, 0.2, 42);
        java.util.Set<String> valCases = new java.util.HashSet<>();
        p.validation().forEach(e -> valCases.add(org.medvl.models.train.CaseHoldout.caseOf(e.id())));
        for (ReportExample e : p.train()) {
            assertTrue(!valCases.contains(org.medvl.models.train.CaseHoldout.caseOf(e.id())), e.id());
        }
        assertEquals(300, p.train().size() + p.validation().size());
        assertEquals(3 * valCases.size(), p.validation().size());
        // the same seed holds out the same cases whether examples are images or whole studies
        assertEquals(valCases, new java.util.HashSet<>(s.validation().stream().map(ReportExample::id).toList()));
    }
}
