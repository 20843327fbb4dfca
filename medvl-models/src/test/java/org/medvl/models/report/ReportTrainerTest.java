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
        var images = org.medvl.models.train.InMemoryImages.cache(
                org.medvl.models.train.PipelineImages.grey(SyntheticStudies.SIZE),
                data.stream().flatMap(e -> e.images().stream()).toList());
        ReportConfig config = SyntheticStudies.config("r2gen");
        ReportTrainOptions options = SyntheticStudies.options(3, 3);
        new ReportTrainer(config, options, images).train(data, List.of(), tmp.resolve("full"), false, null);
        List<Long> seen = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> new ReportTrainer(config, options, images)
                .train(data, List.of(), tmp.resolve("cut"), false, (step, loss) -> {
                    seen.add(step);
                    if (step == 4) {
                        throw new IllegalStateException("interrupted");
                    }
                }));
        new ReportTrainer(config, options, images).train(data, List.of(), tmp.resolve("cut"), true, null);
        assertArrayEquals(Files.readAllBytes(tmp.resolve("full/model/model.params")),
                Files.readAllBytes(tmp.resolve("cut/model/model.params")));
        assertEquals(Files.readString(tmp.resolve("full/metrics.jsonl")).replaceAll("\"seconds\":[0-9.]+", ""),
                Files.readString(tmp.resolve("cut/metrics.jsonl")).replaceAll("\"seconds\":[0-9.]+", ""));
    }
}
