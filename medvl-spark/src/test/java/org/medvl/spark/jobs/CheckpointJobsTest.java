package org.medvl.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.report.ReportConfig;
import org.medvl.models.report.ReportExample;
import org.medvl.models.report.ReportTrainOptions;
import org.medvl.models.report.ReportTrainer;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.vqa.VqaTrainOptions;
import org.medvl.models.vqa.VqaTrainer;
import org.medvl.spark.LocalSpark;
import org.medvl.spark.manifest.ManifestItems;

/**
 * Report and VQA jobs with real medvl checkpoints (tiny ones trained here by medvl's trainers), opened on the
 * executors by path as a cluster job would: every generated report and answer equals the one the same checkpoint
 * gives when opened and called in this JVM.
 */
class CheckpointJobsTest {
    static final int N = 16;

    @TempDir
    static Path tmp;
    static Path manifest;
    static Path vqaModel;
    static Path reportModel;

    @BeforeAll
    static void trainCheckpoints() throws Exception {
        SplittableRandom rng = new SplittableRandom(8);
        List<VqaItem> vqa = new ArrayList<>();
        List<ReportExample> studies = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < N; i++) {
            boolean left = i % 2 == 0;
            Path img = tmp.resolve("c-" + i + ".png");
            BufferedImage b = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    boolean lesion = y >= 5 && y < 10 && (left ? x < 6 : x >= 10);
                    b.getRaster().setSample(x, y, 0, lesion ? 240 : rng.nextInt(60));
                }
            }
            ImageIO.write(b, "png", img.toFile());
            vqa.add(new VqaItem("q" + i, ImageRef.of("c" + i, img.toString()), "Is the lesion on the left?",
                    left ? "Yes" : "No", AnswerType.CLOSED, "POS", Split.TRAIN, "en", List.of(), null));
            studies.add(new ReportExample("s" + i, List.of(img), "Lesion on the " + (left ? "left" : "right") + "."));
            jsonl.append("{\"kind\":\"vqa\",\"id\":\"q").append(i).append("\",\"image\":\"c-").append(i)
                    .append(".png\",\"question\":\"Is the lesion on the left?\"}\n");
        }
        manifest = tmp.resolve("items.jsonl");
        Files.writeString(manifest, jsonl);
        VqaTrainOptions vqaOptions = new VqaTrainOptions("network", 16, 1, 8, 1, 32, 1, 2, 12, 1, 0.1f, 1, 8, 3e-3f,
                1e-4f, 2, 0.01f, 1f, 0.05f, 3, 1, 0, AugmentConfig.none(), 50, 1, null);
        vqaModel = VqaTrainer.train(vqa, List.of(), vqaOptions, tmp.resolve("vqa")).model();
        ReportConfig reportConfig = new ReportConfig(ReportConfig.TASK, ImageEncoderConfig.resnet(8, 1), 16, 1,
                "transformer", 32, 1, 2, 0f, 16, 0, 2, 2);
        ReportTrainOptions reportOptions = new ReportTrainOptions(1, 8, 3e-3f, 1e-4f, 2, 0.01f, 1f, 0f, 7, 0,
                AugmentConfig.none(), 1, 1000, 0, null);
        reportModel = ReportTrainer.train(studies, List.of(), reportConfig, reportOptions, tmp.resolve("report"))
                .model();
    }

    @AfterAll
    static void closeModels() {
        SharedModels.closeAll();
    }

    @Test
    void answersAndReportsFromCheckpointsEqualSingleProcess() throws Exception {
        List<Row> answers = PredictionJobs.vqa(ManifestItems.read(LocalSpark.get(), manifest.toString(), 3),
                ModelSource.questionAnswerer(vqaModel.toString())).collectAsList();
        List<Row> reports = PredictionJobs.report(ManifestItems.read(LocalSpark.get(), manifest.toString(), 3),
                ModelSource.reportWriter(reportModel.toString())).collectAsList();
        assertEquals(N, answers.size());
        assertEquals(N, reports.size());
        try (QuestionAnswerer qa = MedvlModels.openQuestionAnswerer(vqaModel);
             ReportWriter writer = MedvlModels.openReportWriter(reportModel)) {
            for (Row r : answers) {
                String id = r.getString(1);
                Path image = tmp.resolve("c-" + id.substring(1) + ".png");
                ModelAnswer a = qa.answer(VisualQuestion.of(id, image, "Is the lesion on the left?"));
                assertEquals(a.text(), r.getString(3), id);
                assertEquals(a.probability(), r.getDouble(4), 0.0, id);
            }
            for (Row r : reports) {
                String id = r.getString(1);
                Path image = tmp.resolve("c-" + id.substring(1) + ".png");
                assertEquals(writer.writeReport(List.of(image)), r.getString(2), id);
            }
        }
    }
}
