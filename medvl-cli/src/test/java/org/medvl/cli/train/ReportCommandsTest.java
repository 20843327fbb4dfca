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
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ReportWriter;

/**
 * train report, predict report and bench generate end to end on a small fixture in the MedPix 2.0 layout (a tiny
 * network, one or two epochs: this checks the wiring, not quality), image-caption and case-level, plus the errors
 * users meet first.
 */
class ReportCommandsTest {
    private static final String[] TINY = {"--image-size", "32", "--image-width", "4", "--width", "16", "--layers", "1",
        "--heads", "2", "--epochs", "2", "--batch-size", "2", "--warmup", "1", "--min-count", "1", "--max-length", "12",
        "--max-images", "2"};

    /** One MedPix 2.0 descriptions line: case id, image id, caption. */
    private static final String DESC = "{\"Type\": \"CT\", \"U_id\": \"%s\", \"image\": \"%s\", \"Description\": "
            + "{\"Caption\": \"%s\", \"Modality\": \"CT\", \"Plane\": \"Axial\", \"Age\": \"40\", \"Sex\": \"male\"}, "
            + "\"Location\": \"Chest\"}";

    @TempDir
    Path dir;

    @Test
    void trainsPredictsAndBenchmarksOnCaptionsAndCases() throws Exception {
        Path root = fixture();
        for (String decoder : List.of("transformer", "r2gen")) {
            Path run = dir.resolve("run-" + decoder);
            List<String> args = new ArrayList<>(List.of("train", "report", "--data", "medpix-2.0:" + root + "#train",
                    "--val", "medpix-2.0:" + root + "#dev", "--out", run.toString(), "--decoder", decoder));
            args.addAll(List.of(TINY));
            CommandRun t = CommandRun.of(args.toArray(String[]::new));
            assertEquals(0, t.code(), t.err());
            assertTrue(t.out().contains("val_CIDEr-D"), t.out());
            JsonNode config = JsonLines.MAPPER.readTree(run.resolve("model/config.json").toFile());
            assertEquals("report", config.get("task").asText());
            assertEquals(decoder, config.get("decoder").asText());
            for (String f : List.of("model.params", "vocabulary.json", "preprocess.json", "training.json")) {
                assertTrue(Files.isRegularFile(run.resolve("model").resolve(f)), f);
            }
            assertEquals(2, Files.readAllLines(run.resolve("metrics.jsonl")).size());

            Path json = dir.resolve("pred-" + decoder + ".json");
            CommandRun p = CommandRun.of("predict", "report", "--model", run.resolve("model").toString(),
                    root.resolve("images/MPX1_synpic1.png").toString(), "--decode", "sample", "--top-p", "0.9",
                    "--seed", "3", "--out", json.toString());
            assertEquals(0, p.code(), p.err());
            assertFalse(p.out().isBlank());
            assertEquals(p.out().strip(), JsonLines.MAPPER.readTree(json.toFile()).get("report").asText());
        }
        CommandRun again = CommandRun.of(concat(List.of("train", "report", "--data", "medpix-2.0:" + root + "#train",
                "--out", dir.resolve("run-transformer").toString()), TINY));
        assertEquals(1, again.code(), "a used --out is refused without --resume");
        assertTrue(again.err().contains("not empty"), again.err());

        Path cases = dir.resolve("run-cases");
        CommandRun c = CommandRun.of(concat(List.of("train", "report", "--data", "medpix-2.0:" + root + "#train",
                "--unit", "study", "--section", "findings", "--out", cases.toString()), TINY));
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains("training on 2 studies"), c.err());
        CommandRun two = CommandRun.of("predict", "report", "--model", cases.resolve("model").toString(),
                root.resolve("images/MPX1_synpic1.png").toString(), root.resolve("images/MPX1_synpic2.png").toString());
        assertEquals(0, two.code(), two.err());

        CommandRun b = CommandRun.of("bench", "generate", "--model", dir.resolve("run-r2gen/model").toString(),
                "--data", "medpix-2.0:" + root + "#dev", "--limit", "2", "--batch-size", "2", "--engine-threads", "1");
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("batch / single") && b.out().contains("beam 1 / beam 3"), b.out());
    }

    @Test
    void clearErrorsForBadInput() throws Exception {
        Path root = fixture();
        CommandRun decoder = CommandRun.of(concat(List.of("train", "report", "--data", "medpix-2.0:" + root + "#train",
                "--out", dir.resolve("r").toString(), "--decoder", "lstm"), TINY));
        assertEquals(1, decoder.code());
        assertTrue(decoder.err().contains("lstm"), decoder.err());
        CommandRun noModel = CommandRun.of("predict", "report", "--model", dir.resolve("none").toString(),
                root.resolve("images/MPX1_synpic1.png").toString());
        assertEquals(1, noModel.code());
        assertTrue(noModel.err().contains("none"), noModel.err());
        CommandRun method = CommandRun.of("predict", "report", "--model", dir.resolve("none").toString(),
                "--decode", "telepathy", root.resolve("images/MPX1_synpic1.png").toString());
        assertEquals(1, method.code());
    }

    @Test
    void holdsOutTrainingCasesAndKeepsTheBestEpoch() throws Exception {
        Path root = fixture();
        // twelve more two-image cases, so that a fraction of the cases can be held out
        Path descriptions = root.resolve("splitted_dataset/descriptions_train.jsonl");
        List<String> train = new ArrayList<>(Files.readAllLines(descriptions));
        for (int c = 10; c < 22; c++) {
            for (int i = 0; i < 2; i++) {
                String id = "MPX" + c + "_synpic" + (100 + 2 * c + i);
                image(root.resolve("images/" + id + ".png"), c + i);
                String caption = c % 2 == 0 ? "Mass in the left lung." : "Normal chest CT.";
                train.add(String.format(DESC, "MPX" + c, id, caption));
            }
        }
        Files.write(descriptions, train);
        Path run = dir.resolve("run-hold");
        CommandRun t = CommandRun.of(concat(List.of("train", "report", "--data", "medpix-2.0:" + root + "#train",
                "--val-fraction", "0.3", "--patience", "2", "--out", run.toString()), TINY));
        assertEquals(0, t.code(), t.err());
        java.util.regex.Matcher held = java.util.regex.Pattern
                .compile("holding out (\\d+) of 14 training cases \\((\\d+) examples\\)").matcher(t.err());
        assertTrue(held.find(), t.err());
        int cases = Integer.parseInt(held.group(1));
        assertTrue(cases >= 1 && cases < 14, t.err());
        // every case has two images, so whole cases went to validation
        assertEquals(2 * cases, Integer.parseInt(held.group(2)), t.err());
        assertTrue(t.err().contains("training on " + (28 - 2 * cases) + " image-text pairs"), t.err());
        assertTrue(t.out().contains("best:    " + run.resolve("best") + " (epoch "), t.out());
        JsonNode training = JsonLines.MAPPER.readTree(run.resolve("best/training.json").toFile());
        int bestEpoch = Integer.parseInt(t.out().replaceAll("(?s).*best: .*\\(epoch (\\d+),.*", "$1"));
        assertEquals(bestEpoch, training.get("history").size());
        try (ReportWriter w = MedvlModels.openReportWriter(run.resolve("best"))) {
            assertFalse(w.writeReport(List.of(root.resolve("images/MPX1_synpic1.png"))).isBlank());
        }

        CommandRun both = CommandRun.of(concat(List.of("train", "report", "--data", "medpix-2.0:" + root + "#train",
                "--val", "medpix-2.0:" + root + "#dev", "--val-fraction", "0.3", "--out", dir.resolve("r2").toString()),
                TINY));
        assertEquals(1, both.code());
        assertTrue(both.err().contains("--val-fraction and --val"), both.err());
    }

    private static String[] concat(List<String> head, String[] tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    /** Four captioned images of two cases (train) and one (dev) in the MedPix 2.0 split layout. */
    private Path fixture() throws IOException {
        Path root = dir.resolve("medpix");
        Files.createDirectories(root.resolve("splitted_dataset"));
        Files.createDirectories(root.resolve("images"));
        String caseRec = "{\"U_id\": \"%s\", \"TAC\": [%s], \"MRI\": [], \"Case\": {\"History\": \"cough\", "
                + "\"Findings\": \"%s\", \"Case Diagnosis\": \"%s\"}, \"Topic\": {}}";
        List<String> train = new ArrayList<>();
        String[][] imgs = {{"MPX1", "MPX1_synpic1", "Mass in the left lung."}, {"MPX1", "MPX1_synpic2",
            "Mass in the left lung with effusion."}, {"MPX2", "MPX2_synpic3", "Normal chest CT."},
            {"MPX2", "MPX2_synpic4", "Normal chest CT without mass."}};
        for (int i = 0; i < imgs.length; i++) {
            image(root.resolve("images/" + imgs[i][1] + ".png"), i);
            train.add(String.format(DESC, imgs[i][0], imgs[i][1], imgs[i][2]));
        }
        Files.write(root.resolve("splitted_dataset/descriptions_train.jsonl"), train);
        image(root.resolve("images/MPX3_synpic5.png"), 5);
        Files.write(root.resolve("splitted_dataset/descriptions_dev.jsonl"),
                List.of(String.format(DESC, "MPX3", "MPX3_synpic5", "Mass in the right lung.")));
        Files.write(root.resolve("splitted_dataset/data_train.jsonl"), List.of(
                String.format(caseRec, "MPX1", "\"MPX1_synpic1\", \"MPX1_synpic2\"", "Left lung mass.", "Cancer"),
                String.format(caseRec, "MPX2", "\"MPX2_synpic3\", \"MPX2_synpic4\"", "No mass.", "Normal")));
        Files.write(root.resolve("splitted_dataset/data_dev.jsonl"), List.of(
                String.format(caseRec, "MPX3", "\"MPX3_synpic5\"", "Right lung mass.", "Cancer")));
        return root;
    }

    private static void image(Path p, int seed) throws IOException {
        BufferedImage img = new BufferedImage(40, 36, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 36; y++) {
            for (int x = 0; x < 40; x++) {
                img.getRaster().setSample(x, y, 0, (x * 7 + y * 3 + seed * 50) % 256);
            }
        }
        ImageIO.write(img, "png", p.toFile());
    }
}
