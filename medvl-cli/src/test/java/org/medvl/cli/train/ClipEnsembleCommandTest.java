package org.medvl.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;
import org.medvl.core.io.JsonLines;
import org.medvl.models.clip.ClipEncoder;
import org.medvl.models.clip.ClipEncoders;

/**
 * train clip --ensemble end to end on a small MedPix 2.0 layout fixture (a tiny network, one epoch: wiring, not
 * quality): member runs with consecutive seeds on one held-out split, the ensemble model and its best, scoring it
 * with eval retrieval (also over augmented image views), and a --resume of a finished ensemble that leaves the members as they were.
 */
class ClipEnsembleCommandTest {
    private static final String DESC = "{\"Type\": \"%s\", \"U_id\": \"%s\", \"image\": \"%s\", \"Description\": "
            + "{\"Caption\": \"%s\", \"Modality\": \"%s\", \"Plane\": \"Axial\"}, \"Location\": \"Head\"}";

    @TempDir
    Path dir;

    @Test
    void trainsMembersWithConsecutiveSeedsAndScoresTheirEnsemble() throws Exception {
        Path root = fixture();
        Path run = dir.resolve("run");
        List<String> args = List.of("train", "clip", "--data", "medpix-2.0:" + root + "#train", "--out", run.toString(),
                "--ensemble", "2", "--seed", "7", "--val-fraction", "0.25", "--epochs", "1", "--batch-size", "4",
                "--image-size", "32", "--image-width", "8", "--text-width", "32", "--text-depth", "1",
                "--text-heads", "2", "--embed-dim", "16", "--vocab-size", "60", "--warmup", "1",
                "--text-template", "{modality} {plane}. {caption}", "--caption-dropout", "0.5");
        CommandRun t = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        JsonNode config = JsonLines.MAPPER.readTree(run.resolve("model/config.json").toFile());
        assertEquals("clip", config.get("task").asText());
        assertEquals(List.of("member-1", "member-2"), names(config.get("ensemble")));
        for (int k = 1; k <= 2; k++) {
            JsonNode training = JsonLines.MAPPER.readTree(run.resolve("member-" + k + "/model/training.json").toFile());
            assertEquals(6 + k, training.get("seed").asLong());
            assertTrue(Files.isRegularFile(run.resolve("model/member-" + k + "/model.params")));
        }
        assertTrue(Files.isRegularFile(run.resolve("best/config.json")), "each member kept its best epoch");
        // both members held out the same cases: the split follows --seed, not the member's seed
        assertEquals(heldOutLine(Files.readString(run.resolve("member-1/metrics.jsonl"))),
                heldOutLine(Files.readString(run.resolve("member-2/metrics.jsonl"))));

        Path scores = dir.resolve("scores.json");
        CommandRun e = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--held-out", "0.25", "--seed", "7", "--out", scores.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode s = JsonLines.MAPPER.readTree(scores.toFile());
        assertEquals("{modality} {plane}. {caption}", s.get("text_template").asText());
        assertTrue(s.get("pairs").asInt() > 0 && s.get("pairs").asInt() < 24, s.toString());

        // querybank normalisation: the bank is the training split less every evaluated case; plain scores unchanged
        Path normalised = dir.resolve("scores-qb.json");
        CommandRun qb = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--held-out", "0.25", "--seed", "7", "--query-bank",
                "medpix-2.0:" + root + "#train", "--query-bank-beta", "10", "--identical-texts-match", "--out",
                normalised.toString());
        assertEquals(0, qb.code(), qb.err());
        assertTrue(qb.out().contains("with querybank normalisation"), qb.out());
        JsonNode n = JsonLines.MAPPER.readTree(normalised.toFile());
        JsonNode bank = n.get("query_bank_normalised");
        assertEquals(24 - s.get("pairs").asInt(), bank.get("bank_pairs").asInt());
        assertEquals(10.0, bank.get("beta").asDouble());
        assertTrue(bank.has("image_to_text_R@10") && bank.has("text_to_image_R@10"), bank.toString());
        assertEquals(s.get("image_to_text_R@10"), n.get("image_to_text_R@10"));
        JsonNode grouped = n.get("identical_texts_matched");
        assertTrue(grouped.get("distinct_texts").asInt() <= s.get("pairs").asInt(), grouped.toString());
        assertTrue(grouped.has("random_text_to_image_R@10") && grouped.has("text_to_image_MRR"), grouped.toString());

        // prior calibration: offsets fitted on the training split less the evaluated cases; plain scores unchanged
        Path calibratedScores = dir.resolve("scores-cal.json");
        CommandRun cal = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--held-out", "0.25", "--seed", "7", "--calibrate-on",
                "medpix-2.0:" + root + "#train", "--out", calibratedScores.toString());
        assertEquals(0, cal.code(), cal.err());
        JsonNode withCal = JsonLines.MAPPER.readTree(calibratedScores.toFile());
        assertEquals(s.get("zeroshot_modality_accuracy"), withCal.get("zeroshot_modality_accuracy"));
        JsonNode modality = withCal.get("zeroshot_modality_calibrated");
        assertEquals(24 - s.get("pairs").asInt(), modality.get("fitted_on").asInt());
        JsonNode offsets = modality.get("offsets");
        assertEquals(0, offsets.get("CT").asDouble() + offsets.get("MR").asDouble(), 1e-9);
        assertTrue(modality.get("accuracy").isNumber() && modality.has("confusion"), modality.toString());
        assertTrue(cal.out().contains("zero-shot modality calibrated accuracy"), cal.out());
        // every fixture image is axial: no offset can be fitted for coronal or sagittal, so plane is left as it was
        assertEquals("no calibration pair of class Coronal, Sagittal",
                withCal.get("zeroshot_plane_calibrated").get("skipped").asText());
        // offsets fitted in-sample on the held-out cases, then applied from their file to the whole split
        Path offsetsFile = dir.resolve("offsets.json");
        CommandRun fit = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--held-out", "0.25", "--seed", "7", "--fit-offsets-out",
                offsetsFile.toString(), "--out", calibratedScores.toString());
        assertEquals(0, fit.code(), fit.err());
        JsonNode fitted = JsonLines.MAPPER.readTree(offsetsFile.toFile());
        assertTrue(fitted.has("modality") && !fitted.has("plane"), "no plane offsets from axial images alone");
        assertEquals(fitted.get("modality"), JsonLines.MAPPER.readTree(calibratedScores.toFile())
                .get("zeroshot_modality_fitted_in_sample").get("offsets"));
        CommandRun apply = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--offsets", offsetsFile.toString(), "--out",
                calibratedScores.toString());
        assertEquals(0, apply.code(), apply.err());
        assertEquals(fitted.get("modality"), JsonLines.MAPPER.readTree(calibratedScores.toFile())
                .get("zeroshot_modality_with_offsets").get("offsets"));
        // an unknown task name (here a capitalised typo) is an error before any scoring
        Path typo = dir.resolve("typo.json");
        Files.writeString(typo, "{\"Modality\": {\"CT\": 0.1, \"MR\": -0.1}}");
        CommandRun misnamed = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--offsets", typo.toString());
        assertEquals(1, misnamed.code());
        assertTrue(misnamed.err().contains("unknown task Modality (known: modality, plane)"), misnamed.err());
        // predict zeroshot applies a task's offsets: a large one on CT outweighs any similarity of a unit vector
        Path tilted = dir.resolve("tilted.json");
        Files.writeString(tilted, "{\"modality\": {\"CT\": 500, \"MR\": -500}}");
        String image = root.resolve("images/MPX101_synpic2.png").toString();
        CommandRun predicted = CommandRun.of("predict", "zeroshot", "--model", run.resolve("model").toString(),
                "--task", "modality", "--offsets", tilted.toString(), image);
        assertEquals(0, predicted.code(), predicted.err());
        assertTrue(predicted.out().startsWith(image + "\tCT\t1.000"), predicted.out());
        CommandRun noTask = CommandRun.of("predict", "zeroshot", "--model", run.resolve("model").toString(),
                "--task", "plane", "--offsets", tilted.toString(), image);
        assertEquals(1, noTask.code());
        assertTrue(noTask.err().contains("has no offsets for task plane"), noTask.err());
        CommandRun classes = CommandRun.of("predict", "zeroshot", "--model", run.resolve("model").toString(),
                "--classes", "CT,MR", "--offsets", tilted.toString(), image);
        assertEquals(1, classes.code());
        assertTrue(classes.err().contains("--offsets goes with --task"), classes.err());
        CommandRun both = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--offsets", offsetsFile.toString(), "--calibrate-on",
                "medpix-2.0:" + root + "#train");
        assertEquals(1, both.code());
        assertTrue(both.err().contains("give either --calibrate-on or --offsets, not both"), both.err());
        CommandRun noBank = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--query-bank", "medpix-2.0:" + root + "#train");
        assertEquals(1, noBank.code());
        assertTrue(noBank.err().contains("none of its 24 pairs is left"), noBank.err());

        // test-time augmentation: a unit vector per image, other than the plain embedding, the same on every call
        List<Path> imgs = List.of(root.resolve("images/MPX100_synpic0.png"), root.resolve("images/MPX101_synpic2.png"));
        try (ClipEncoder plain = ClipEncoders.open(run.resolve("model"));
             ClipEncoder views = ClipEncoders.open(run.resolve("model"), 3)) {
            float[][] a = plain.embedImages(imgs);
            float[][] b = views.embedImages(imgs);
            assertTrue(java.util.Arrays.equals(b[0], views.embedImages(imgs)[0]), "views are drawn from fixed seeds");
            assertFalse(java.util.Arrays.equals(a[0], b[0]));
            double norm = 0;
            for (float x : b[1]) {
                norm += x * x;
            }
            assertEquals(1.0, norm, 1e-4);
        }
        CommandRun tta = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--image-views", "2", "--out", scores.toString());
        assertEquals(0, tta.code(), tta.err());
        assertEquals(2, JsonLines.MAPPER.readTree(scores.toFile()).get("image_views").asInt());
        CommandRun noViews = CommandRun.of("eval", "retrieval", "--model", run.resolve("model").toString(), "--data",
                "medpix-2.0:" + root + "#train", "--image-views", "0");
        assertEquals(1, noViews.code());
        assertTrue(noViews.err().contains("image views must be >= 1"), noViews.err());

        byte[] before = Files.readAllBytes(run.resolve("member-1/model/model.params"));
        List<String> resume = new ArrayList<>(args);
        resume.add("--resume");
        CommandRun r = CommandRun.of(resume.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(run.resolve("member-1/model/model.params"))));

        CommandRun bad = CommandRun.of("train", "clip", "--data", "medpix-2.0:" + root + "#train", "--out",
                dir.resolve("bad").toString(), "--ensemble", "0");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("--ensemble must be >= 1"), bad.err());
    }

    private static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The validation sizes of the first epoch's line: equal when the members held out the same pairs. */
    private static String heldOutLine(String metrics) {
        return metrics.lines().findFirst().orElseThrow().replaceAll(".*(\"val_random_R@1\":[0-9.E-]+).*", "$1");
    }

    /** Twelve two-image cases, CT and MR alternating, in the MedPix 2.0 split layout. */
    private Path fixture() throws IOException {
        Path root = dir.resolve("medpix");
        Files.createDirectories(root.resolve("splitted_dataset"));
        Files.createDirectories(root.resolve("images"));
        List<String> train = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            String modality = c % 2 == 0 ? "CT" : "MR";
            for (int i = 0; i < 2; i++) {
                String id = "MPX" + (100 + c) + "_synpic" + (2 * c + i);
                BufferedImage img = new BufferedImage(40, 36, BufferedImage.TYPE_BYTE_GRAY);
                for (int y = 0; y < 36; y++) {
                    for (int x = 0; x < 40; x++) {
                        img.getRaster().setSample(x, y, 0, (x * (c + 1) + y * i * 5) % 256);
                    }
                }
                ImageIO.write(img, "png", root.resolve("images/" + id + ".png").toFile());
                String caption = (c % 3 == 0 ? "Mass in the brain" : "Normal study") + " number " + c + ".";
                train.add(String.format(DESC, modality, "MPX" + (100 + c), id, caption, modality));
            }
        }
        Files.write(root.resolve("splitted_dataset/descriptions_train.jsonl"), train);
        return root;
    }
}
