package org.medvl.spark.jobs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.api.ZeroShotClassifier.LabelScore;
import org.medvl.models.clip.ClipAdapter;
import org.medvl.models.clip.ClipConfig;
import org.medvl.models.clip.ClipExample;
import org.medvl.models.clip.ClipTrainOptions;
import org.medvl.models.clip.ClipTrainer;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.PipelineImages;
import org.medvl.spark.LocalSpark;
import org.medvl.spark.manifest.ManifestItems;

/**
 * The per-item jobs on Spark local[2] give what the same model gives called in one process: a small CLIP checkpoint
 * trained here by medvl's own trainer (embeddings, zero-shot), in-test report and VQA models, the findings labeler.
 */
class PredictionJobsTest {
    static final String[] SIDES = {"left", "right"};
    static final int N = 24;

    @TempDir
    static Path tmp;
    static Path manifest;
    static Path model;

    @BeforeAll
    static void checkpointAndManifest() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        List<ClipExample> examples = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        StringBuilder jsonl = new StringBuilder("{\"kind\":\"header\",\"format\":\"medvl-manifest\",\"version\":1}\n");
        for (int i = 0; i < N; i++) {
            BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 16; y++) {
                for (int x = 0; x < 16; x++) {
                    boolean lesion = y >= 5 && y < 10 && (i % 2 == 0 ? x >= 2 && x < 7 : x >= 9 && x < 14);
                    img.getRaster().setSample(x, y, 0, lesion ? 250 : rng.nextInt(60));
                }
            }
            Path p = tmp.resolve("img-" + i + ".png");
            ImageIO.write(img, "png", p.toFile());
            paths.add(p);
            String text = i % 3 == 0 ? "No pleural effusion. Mild cardiomegaly." : "Possible " + SIDES[i % 2]
                    + " lower lobe pneumonia.";
            examples.add(new ClipExample("p" + i, p, "bright lesion on the " + SIDES[i % 2], SIDES[i % 2], null));
            jsonl.append("{\"kind\":\"").append(i % 4 == 0 ? "vqa" : "pair").append("\",\"id\":\"p").append(i)
                    .append("\",\"image\":\"img-").append(i).append(".png\",\"text\":\"").append(text)
                    .append("\",\"question\":\"is there a lesion on the left?\",\"answer\":\"yes\"}\n");
        }
        manifest = tmp.resolve("items.jsonl");
        Files.writeString(manifest, jsonl);
        ClipConfig config = new ClipConfig(ImageEncoderConfig.resnet(4, 1), new TextEncoderConfig(64, 12, 16, 1, 2,
                0.1f), 16, 1, 16, 0.07f);
        ClipTrainOptions options = new ClipTrainOptions(1, 8, 3e-3f, 1e-4f, 2, 0.01f, 1f, 5, 1, 0,
                AugmentConfig.none(), 64, "{caption}");
        ClipTrainer trainer = new ClipTrainer(config, options, InMemoryImages.cache(PipelineImages.grey(16), paths));
        model = trainer.train(examples, List.of(), tmp.resolve("run"), false, null).model();
    }

    @AfterAll
    static void closeModels() {
        SharedModels.closeAll();
    }

    static Dataset<Row> items() {
        return ManifestItems.read(LocalSpark.get(), manifest.toString(), 3);
    }

    @Test
    void embeddingsAndZeroShotEqualSingleProcess() {
        List<String> labels = List.of("bright lesion on the left", "bright lesion on the right");
        List<Row> emb = PredictionJobs.embed(items(), ModelSource.clip(model.toString())).collectAsList();
        List<Row> zs = PredictionJobs.zeroShot(items(), ModelSource.clip(model.toString()), labels).collectAsList();
        assertEquals(N, emb.size());
        assertEquals(N, zs.size());
        try (ClipAdapter single = MedvlModels.openClip(model)) {
            for (Row r : emb) {
                float[] expected = single.embedImage(Path.of(r.getString(2)));
                List<Float> got = r.getList(3);
                float[] actual = new float[got.size()];
                for (int k = 0; k < actual.length; k++) {
                    actual[k] = got.get(k);
                    assertTrue(Float.isFinite(actual[k]), r.getString(1) + " has a non-finite embedding");
                }
                assertArrayEquals(expected, actual, r.getString(1));
                assertEquals(tmp.resolve("img-" + r.getString(1).substring(1) + ".png").toString(), r.getString(2));
            }
            for (Row r : zs) {
                List<LabelScore> expected = single.classify(Path.of(r.getString(2)), labels);
                assertEquals(expected.get(0).label(), r.getString(3), r.getString(1));
                assertEquals(expected.get(0).probability(), r.getDouble(4), 0.0, r.getString(1));
                List<Double> probs = r.getList(6);
                for (int k = 0; k < expected.size(); k++) {
                    assertEquals(expected.get(k).label(), r.getList(5).get(k));
                    assertEquals(expected.get(k).probability(), probs.get(k), 0.0);
                }
            }
        }
    }

    @Test
    void reportsAnswersAndLabelsEqualSingleProcess() {
        Map<String, Row> reports = byId(PredictionJobs.report(items(), ModelSource.of("test-report",
                ByteReportWriter::new)).collectAsList());
        Map<String, Row> answers = byId(PredictionJobs.vqa(items(), ModelSource.of("test-vqa",
                ByteAnswerer::new)).collectAsList());
        Map<String, Row> labels = byId(PredictionJobs.label(items()).collectAsList());
        assertEquals(N, reports.size());
        ByteReportWriter writer = new ByteReportWriter();
        ByteAnswerer answerer = new ByteAnswerer();
        for (int i = 0; i < N; i++) {
            Path image = tmp.resolve("img-" + i + ".png");
            assertEquals(writer.writeReport(List.of(image)), reports.get("p" + i).getString(2));
            ModelAnswer a = answerer.answer(VisualQuestion.of("p" + i, image, "is there a lesion on the left?"));
            assertEquals(a.text(), answers.get("p" + i).getString(3));
            assertEquals(a.probability(), answers.get("p" + i).getDouble(4), 0.0);
            String text = i % 3 == 0 ? "No pleural effusion. Mild cardiomegaly." : "Possible " + SIDES[i % 2]
                    + " lower lobe pneumonia.";
            List<FindingState> expected = FindingsLabeler.standard().label(text).inOrder();
            for (int k = 0; k < expected.size(); k++) {
                assertEquals(expected.get(k).chexpertCode(), labels.get("p" + i).getString(2 + k), "p" + i + " " + k);
            }
        }
        assertEquals("1", labels.get("p0").getAs("Cardiomegaly"));
        assertEquals("0", labels.get("p0").getAs("Pleural Effusion"));
        assertEquals("-1", labels.get("p1").getAs("Pneumonia"));
    }

    private static Map<String, Row> byId(List<Row> rows) {
        Map<String, Row> out = new HashMap<>();
        rows.forEach(r -> out.put(r.getString(1), r));
        return out;
    }

    /** A deterministic stand-in report model: reads the image file, so a wrong path fails. */
    static final class ByteReportWriter implements ReportWriter {
        @Override
        public String name() {
            return "bytes";
        }

        @Override
        public String writeReport(List<Path> images) {
            try {
                return "image of " + Files.size(images.get(0)) + " bytes, checksum "
                        + java.util.Arrays.hashCode(Files.readAllBytes(images.get(0)));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** A deterministic stand-in VQA model: answers from the image's brightest column. */
    static final class ByteAnswerer implements QuestionAnswerer {
        @Override
        public String name() {
            return "bytes";
        }

        @Override
        public ModelAnswer answer(VisualQuestion q) {
            try {
                BufferedImage img = ImageIO.read(q.image().toFile());
                int left = 0;
                int right = 0;
                for (int y = 0; y < img.getHeight(); y++) {
                    for (int x = 0; x < img.getWidth(); x++) {
                        int v = img.getRaster().getSample(x, y, 0);
                        left += x < img.getWidth() / 2 ? v : 0;
                        right += x < img.getWidth() / 2 ? 0 : v;
                    }
                }
                return new ModelAnswer(left > right ? "yes" : "no", left / (double) (left + right), List.of());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
