package org.medvl.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;
import org.medvl.core.io.JsonLines;

/**
 * train vqa, eval vqa and predict vqa end to end on small fixtures in the published SLAKE, VQA-Med 2019 and PMC-VQA
 * layouts (a tiny network, one epoch: this checks the wiring, not accuracy), plus the errors users meet first.
 */
class VqaCommandsTest {
    private static final String[] TINY = {"--image-size", "16", "--image-width", "4", "--text-width", "16",
        "--text-depth", "1", "--heads", "2", "--fusion-layers", "1", "--epochs", "1", "--batch-size", "2",
        "--vocab-size", "30", "--warmup", "1"};

    @TempDir
    Path dir;

    @Test
    void slakeTrainsEvaluatesAndAnswers() throws Exception {
        trainEvalPredict(slake(), "test", dir.resolve("slake/imgs/xmlab1/source.jpg"), 2);
    }

    @Test
    void generativeKindTrainsEvaluatesAndAnswersThroughTheSameCommands() throws Exception {
        String spec = slake();
        Path run = dir.resolve("run-gen");
        List<String> args = new ArrayList<>(List.of("train", "vqa", "--data", spec + "#train", "--out",
                run.toString(), "--kind", "generative"));
        args.addAll(List.of(TINY));
        CommandRun t = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        Path model = run.resolve("model");
        assertTrue(Files.isRegularFile(model.resolve("words.json")));
        Path results = dir.resolve("results-gen.json");
        CommandRun e = CommandRun.of("eval", "vqa", "--model", model.toString(), "--dataset", spec + "#test",
                "--out", results.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode j = JsonLines.MAPPER.readTree(results.toFile());
        assertTrue(j.get("model").asText().startsWith("medvl-generative:"), j.get("model").asText());
        assertEquals(2, j.get("predictions").size());
        assertTrue(j.at("/predictions/0/probability").isNumber());
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        CommandRun p;
        try {
            p = CommandRun.of("predict", "vqa", "--model", model.toString(), "--image",
                    dir.resolve("slake/imgs/xmlab1/source.jpg").toString(), "--question", "Which organ is shown?");
        } finally {
            System.setOut(stdout);
        }
        assertEquals(0, p.code(), p.err());
        String answer = printed.toString(StandardCharsets.UTF_8);
        assertTrue(answer.matches("(?s)answer: .* \\(p=[0-9.]+\\)\\s*"), answer);
    }

    /** A SLAKE fixture of two images (train and test splits); returns its dataset spec without split. */
    private String slake() throws IOException {
        image("slake/imgs/xmlab1/source.jpg");
        image("slake/imgs/xmlab2/source.jpg");
        String rec = "{\"img_id\": %d, \"img_name\": \"xmlab%d/source.jpg\", \"question\": \"%s\", \"answer\": \"%s\","
                + " \"q_lang\": \"en\", \"location\": \"Lung\", \"modality\": \"CT\", \"answer_type\": \"%s\","
                + " \"base_type\": \"vqa\", \"content_type\": \"Organ\", \"qid\": %d}";
        Files.writeString(dir.resolve("slake/train.json"), "[" + String.format(rec, 1, 1, "Is the lung healthy?", "No",
                "CLOSED", 1) + "," + String.format(rec, 2, 2, "Is the lung healthy?", "Yes", "CLOSED", 2) + ","
                + String.format(rec, 1, 1, "Which organ is shown?", "Lung", "OPEN", 3) + ","
                + String.format(rec, 2, 2, "Which organ is shown?", "Lung", "OPEN", 4) + "]");
        Files.writeString(dir.resolve("slake/validate.json"), "[]");
        Files.writeString(dir.resolve("slake/test.json"), "[" + String.format(rec, 1, 1, "Which organ is shown?",
                "Lung", "OPEN", 5) + "," + String.format(rec, 2, 2, "Is the lung healthy?", "Yes", "CLOSED", 6) + "]");
        return "slake:" + dir.resolve("slake");
    }

    @Test
    void vqaMed2019TrainsAndEvaluates() throws Exception {
        String train = "vqamed/ImageClef-2019-VQA-Med-Training/";
        image(train + "Train_images/synpic1.jpg");
        image(train + "Train_images/synpic2.jpg");
        Files.writeString(dir.resolve(train + "All_QA_Pairs_train.txt"), String.join("\n",
                "synpic1|which plane is the image shown in?|axial", "synpic2|which plane is the image shown in?|coronal",
                "synpic1|is this a ct scan?|yes", "synpic2|is this a ct scan?|no") + "\n");
        String val = "vqamed/ImageClef-2019-VQA-Med-Validation/";
        image(val + "Val_images/synpic1.jpg");
        Files.writeString(dir.resolve(val + "All_QA_Pairs_val.txt"), "synpic1|is this a ct scan?|yes\n");
        Path spec = dir.resolve("vqamed");
        trainEvalPredict("vqa-med-2019:" + spec, "val", dir.resolve(train + "Train_images/synpic1.jpg"), 1);
    }

    @Test
    void pmcVqaMultipleChoiceTrainsAndEvaluates() throws Exception {
        image("pmc/images/PMC1_F1.jpg");
        image("pmc/images/PMC2_F3.jpg");
        Files.writeString(dir.resolve("pmc/train_2.csv"), String.join("\n",
                "index,Figure_path,Caption,Question,Answer,Choice A,Choice B,Choice C,Choice D,Answer_label,split",
                "0,PMC1_F1.jpg,cap,What is shown? ,B:Chest X-ray ,A:CT scan ,B:Chest X-ray ,C:MRI ,D:PET ,B,train",
                "1,PMC2_F3.jpg,cap,Which organ? ,A:Liver,A:Liver,B:Kidney,C:Lung,D:Heart,A,train") + "\n");
        Files.writeString(dir.resolve("pmc/test_2.csv"), String.join("\n",
                "Figure_path,Question,Answer,Choice A,Choice B,Choice C,Choice D,Answer_label",
                "PMC2_F3.jpg,Which organ?,A:Liver,A:Liver,B:Kidney,C:Lung,D:Heart,A") + "\n");
        trainEvalPredict("pmc-vqa:" + dir.resolve("pmc"), "test", dir.resolve("pmc/images/PMC1_F1.jpg"), 1);
    }

    @Test
    void clearErrorsForBadInput() throws Exception {
        CommandRun unknown = CommandRun.of("train", "vqa", "--data", "no-such-set:" + dir, "--out",
                dir.resolve("r").toString(), "--kind", "majority");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no-such-set"), unknown.err());
        CommandRun kind = CommandRun.of("train", "vqa", "--data", "slake:" + dir, "--out", dir.resolve("r").toString(),
                "--kind", "telepathy");
        assertEquals(1, kind.code());
        assertTrue(kind.err().contains("telepathy"), kind.err());
        CommandRun noModel = CommandRun.of("predict", "vqa", "--model", dir.resolve("none").toString(), "--image",
                image("x.png").toString(), "--question", "Is it?");
        assertEquals(1, noModel.code());
        assertTrue(noModel.err().contains("none"), noModel.err());
    }

    private void trainEvalPredict(String spec, String evalSplit, Path someImage, int testQuestions) throws Exception {
        Path run = dir.resolve("run-" + spec.substring(0, spec.indexOf(':')));
        List<String> args = new ArrayList<>(List.of("train", "vqa", "--data", spec + "#train", "--out",
                run.toString()));
        args.addAll(List.of(TINY));
        CommandRun t = CommandRun.of(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        Path model = run.resolve("model");
        assertTrue(Files.isRegularFile(model.resolve("answers.json")));

        Path results = dir.resolve("results-" + run.getFileName() + ".json");
        CommandRun e = CommandRun.of("eval", "vqa", "--model", model.toString(), "--dataset", spec + "#" + evalSplit,
                "--out", results.toString());
        assertEquals(0, e.code(), e.err());
        JsonNode j = JsonLines.MAPPER.readTree(results.toFile());
        assertEquals(testQuestions, j.get("questions").asInt());
        assertEquals(testQuestions, j.get("predictions").size());
        assertTrue(j.at("/scores/overall/value").isNumber());
        assertTrue(j.at("/predictions/0/top5").size() >= 1);
        CommandRun again = CommandRun.of("eval", "vqa", "--model", model.toString(), "--dataset", spec + "#" + evalSplit,
                "--out", results.toString());
        assertEquals(1, again.code(), "an existing --out is not replaced without --force");

        CommandRun p = CommandRun.of("predict", "vqa", "--model", model.toString(), "--image", someImage.toString(),
                "--question", "What is shown?");
        assertEquals(0, p.code(), p.err());
        CommandRun empty = CommandRun.of("predict", "vqa", "--model", model.toString(), "--image",
                someImage.toString(), "--question", " ");
        assertEquals(1, empty.code());
        assertTrue(empty.err().contains("empty"), empty.err());
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");
        CommandRun notImage = CommandRun.of("predict", "vqa", "--model", model.toString(), "--image", text.toString(),
                "--question", "What is shown?");
        assertEquals(1, notImage.code());
        assertTrue(notImage.err().contains("notes.jpg"), notImage.err());
    }

    private Path image(String rel) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        BufferedImage img = new BufferedImage(12, 12, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setSample(rel.length() % 12, 4, 0, 220);
        ImageIO.write(img, rel.endsWith(".png") ? "png" : "jpg", p.toFile());
        return p;
    }
}
