package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

class ClipTrainerTest {
    @TempDir
    Path tmp;

    @Test
    void learnsSyntheticPairsAndWritesSelfDescribingCheckpoint() throws Exception {
        SyntheticPairs train = new SyntheticPairs(64, 1);
        SyntheticPairs val = new SyntheticPairs(16, 2);
        ClipTrainer trainer = new ClipTrainer(SyntheticPairs.tinyConfig(), SyntheticPairs.options(6, 0, 5),
                train.images);
        ClipTrainer.Result r = trainer.train(train.examples, List.of(), tmp.resolve("run"), false, null);
        for (String f : List.of("model.params", "config.json", "tokenizer.json", "preprocess.json", "training.json")) {
            assertTrue(Files.exists(r.model().resolve(f)), f);
        }
        assertTrue(Files.exists(tmp.resolve("run/metrics.jsonl")));
        assertTrue(Files.exists(tmp.resolve("run/plots/loss.png")));
        double first = ((Number) readHistory(tmp.resolve("run/metrics.jsonl")).get(0).get("train_loss")).doubleValue();
        double last = ((Number) r.lastEpoch().get("train_loss")).doubleValue();
        assertTrue(last < first * 0.7, "loss fell from " + first + " to " + last);

        // Zero-shot on held-out images: chance is 0.25 over four quadrants.
        try (NDManager m = NDManager.newBaseManager()) {
            ClipCheckpoint ck = ClipCheckpoint.read(r.model(), m);
            DjlClipEncoder enc = new DjlClipEncoder(ck.model(), ck.tokenizer(), val.images, m, 16, 1);
            ZeroShotClassifier zs = ZeroShotClassifier.fromTemplates(enc,
                    List.of(SyntheticPairs.QUADRANTS), List.of("bright lesion in the {}", "lesion {}"));
            List<String> truth = val.examples.stream().map(ClipExample::modality).toList();
            double acc = zs.accuracy(val.examples.stream().map(ClipExample::image).toList(), truth);
            assertTrue(acc >= 0.75, "zero-shot accuracy " + acc + " (chance 0.25)");
        }
    }

    @Test
    void refusesToOverwriteAnExistingRun() throws Exception {
        SyntheticPairs train = new SyntheticPairs(16, 1);
        Files.createDirectories(tmp.resolve("run"));
        Files.writeString(tmp.resolve("run/notes.txt"), "mine");
        ClipTrainer trainer = new ClipTrainer(SyntheticPairs.tinyConfig(), SyntheticPairs.options(1, 0, 5),
                train.images);
        MedvlException e = assertThrows(MedvlException.class,
                () -> trainer.train(train.examples, List.of(), tmp.resolve("run"), false, null));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("mine", Files.readString(tmp.resolve("run/notes.txt")));
    }

    @Test
    void metadataLossAddsItsWeightedTermToTheCaptionLoss() {
        SyntheticPairs train = new SyntheticPairs(8, 1);
        ClipTrainOptions base = new ClipTrainOptions(1, 8, 3e-3f, 1e-4f, 1, 0.01f, 1f, 5, 1, 0, null, 64,
                "{modality}. {caption}");
        float[] first = new float[3];
        for (int w = 0; w < 3; w++) {
            int k = w;
            new ClipTrainer(SyntheticPairs.tinyConfig(), base.withMetadataLoss(w), train.images)
                    .train(train.examples, List.of(), tmp.resolve("run-" + w), false, (step, loss) -> first[k] = loss);
        }
        // one step from the same initialisation: the caption term is the same, the metadata term scales with W
        float metadataTerm = first[1] - first[0];
        assertTrue(metadataTerm > 0.1f, "metadata term " + metadataTerm);
        assertEquals(2 * metadataTerm, first[2] - first[0], 1e-4f);
    }

    @Test
    void locationDropoutTrainsOnCaptionLessTextsWithoutTheLocation() {
        SyntheticPairs train = new SyntheticPairs(8, 1);
        List<ClipExample> located = train.examples.stream().map(e -> new ClipExample(e.id(), e.image(), e.text(),
                e.modality(), e.plane(), e.id().hashCode() % 2 == 0 ? "left side" : "right side")).toList();
        ClipTrainOptions base = new ClipTrainOptions(1, 8, 3e-3f, 1e-4f, 1, 0.01f, 1f, 5, 1, 0, null, 64,
                "{modality} {location}. {caption}").withMetadataLoss(1f);
        float[] first = new float[3];
        float[] dropouts = {0f, 1f, 1f};
        for (int k = 0; k < 3; k++) {
            int run = k;
            new ClipTrainer(SyntheticPairs.tinyConfig(), base.withLocationDropout(dropouts[k]), train.images)
                    .train(located, List.of(), tmp.resolve("run-" + k), false, (step, loss) -> first[run] = loss);
        }
        assertTrue(Math.abs(first[1] - first[0]) > 1e-3, first[0] + " vs " + first[1]);
        assertEquals(first[1], first[2], "the draws depend on the seed and step only");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> readHistory(Path jsonl) throws Exception {
        var om = new com.fasterxml.jackson.databind.ObjectMapper();
        return Files.readAllLines(jsonl).stream().map(l -> {
            try {
                return (Map<String, Object>) om.readValue(l, Map.class);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
