package org.medvl.cli.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;
import org.medvl.core.io.JsonLines;
import org.medvl.core.io.SharedData;
import org.medvl.metrics.caption.CaptionEvaluator;
import org.medvl.metrics.caption.CaptionScores;
import org.medvl.metrics.caption.Profile;

/**
 * eval report end to end on IU X-ray in the published R2Gen layout (annotation.json + images/ID/0.png, 1.png): real
 * report texts from ../shared/data/iu-xray-reports, generated PNGs. Each test study's images are copies of one
 * training study's images, so the retrieval baseline must return exactly that study's report.
 */
class EvalReportCommandTest {
    private static final int TRAIN = 12;
    private static final int TEST = 4;

    @TempDir
    Path dir;

    @Test
    void baselinesSideBySideWithCeOutputsAndResume() throws Exception {
        Fixture f = fixture();
        Path out = dir.resolve("eval");
        String[] args = {"eval", "report", "--baseline", "constant", "--baseline", "retrieval", "--clip", "thumbnail",
            "--train", "iu-xray:" + f.root + "#train", "--dataset", "iu-xray:" + f.root + "#test", "--out",
            out.toString()};
        CommandRun r = CommandRun.of(args);
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("| profile | metric | constant | retrieval-thumbnail |"), r.out());
        assertTrue(r.out().contains("| coco | CIDEr-D |") && r.out().contains("| r2gen | BLEU-4 |"), r.out());
        assertTrue(r.out().contains("| CE r2gen | micro F1 |"), "iu-xray is chest X-ray: CE on by auto\n" + r.out());

        JsonNode results = JsonLines.MAPPER.readTree(out.resolve("results.json").toFile());
        assertEquals(TEST, results.get("studies").asInt());
        JsonNode retrieval = results.get("models").get(1);
        assertEquals("retrieval-thumbnail", retrieval.get("model").asText());
        JsonNode ce = retrieval.get("clinical");
        for (String d : List.of("r2gen", "uones-14", "uones-5", "example-based")) {
            assertTrue(ce.has(d), d);
        }

        List<JsonNode> retrieved = lines(out.resolve("predictions-retrieval-thumbnail.jsonl"));
        assertEquals(TEST, retrieved.size());
        for (int i = 0; i < TEST; i++) {
            JsonNode item = retrieved.get(i);
            assertEquals(f.testIds.get(i), item.get("id").asText());
            assertEquals(2, item.get("images").size());
            assertEquals(f.trainReports.get(i), item.get("generated").asText(), "nearest training study's report");
        }
        // the stored scores are those of the caption metrics on the stored texts
        CaptionScores coco = new CaptionEvaluator().evaluate(
                retrieved.stream().map(n -> List.of(n.get("reference").asText())).toList(),
                retrieved.stream().map(n -> n.get("generated").asText()).toList(), Profile.COCO, Set.of());
        assertEquals(coco.corpus().get("CIDEr-D"), retrieval.get("scores").get("coco").get("CIDEr-D").asDouble(), 1e-12);
        assertEquals(coco.corpus().get("BLEU-4"), retrieval.get("scores").get("coco").get("BLEU-4").asDouble(), 1e-12);
        List<JsonNode> constant = lines(out.resolve("predictions-constant.jsonl"));
        String expected = mostCommon(f.trainReports);
        assertTrue(constant.stream().allMatch(n -> n.get("generated").asText().equals(expected)));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("data:image/png;base64,") && html.contains("retrieval-thumbnail"));

        CommandRun refused = CommandRun.of(args);
        assertEquals(1, refused.code());
        assertTrue(refused.err().contains("--force"), refused.err());

        List<String> again = new ArrayList<>(List.of(args));
        again.addAll(List.of("--force", "--ce", "off", "--profile", "coco"));
        CommandRun cached = CommandRun.of(again.toArray(String[]::new));
        assertEquals(0, cached.code(), cached.err());
        assertTrue(cached.out().contains("constant: 4 studies, 0 written, 4 from cache"), cached.out());
        assertTrue(!cached.out().contains("CE r2gen") && !cached.out().contains("| r2gen |"), cached.out());
    }

    /** The IU X-ray standard setup with images: train a (tiny) report model, then score it next to a baseline. */
    @Test
    void trainedModelThroughTheSameCommand() throws Exception {
        Fixture f = fixture();
        Path run = dir.resolve("run");
        CommandRun t = CommandRun.of("train", "report", "--data", "iu-xray:" + f.root + "#train", "--unit", "study",
                "--out", run.toString(), "--image-size", "32", "--image-width", "4", "--width", "16", "--layers", "1",
                "--heads", "2", "--epochs", "1", "--batch-size", "4", "--warmup", "1", "--min-count", "1",
                "--max-length", "16", "--max-images", "2");
        assertEquals(0, t.code(), t.err());
        Path out = dir.resolve("eval-model");
        CommandRun r = CommandRun.of("eval", "report", "--model", run.resolve("model").toString(), "--baseline",
                "constant", "--train", "iu-xray:" + f.root + "#train", "--dataset", "iu-xray:" + f.root + "#test",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        JsonNode models = JsonLines.MAPPER.readTree(out.resolve("results.json").toFile()).get("models");
        assertEquals(2, models.size());
        String name = models.get(1).get("model").asText();
        assertEquals(TEST, lines(out.resolve(models.get(1).get("predictions").asText())).size());
        assertTrue(r.out().contains("| constant | " + name + " |"), r.out());
    }

    @Test
    void clearErrorsForMissingPieces() throws Exception {
        Fixture f = fixture();
        String train = "iu-xray:" + f.root + "#train";
        String test = "iu-xray:" + f.root + "#test";
        String out = dir.resolve("e").toString();
        CommandRun noClip = CommandRun.of("eval", "report", "--baseline", "retrieval", "--train", train,
                "--dataset", test, "--out", out);
        assertEquals(1, noClip.code());
        assertTrue(noClip.err().contains("--clip"), noClip.err());
        CommandRun nothing = CommandRun.of("eval", "report", "--dataset", test, "--out", out);
        assertEquals(1, nothing.code());
        assertTrue(nothing.err().contains("nothing to evaluate"), nothing.err());
        CommandRun noTrain = CommandRun.of("eval", "report", "--baseline", "constant", "--dataset", test, "--out", out);
        assertEquals(1, noTrain.code());
        assertTrue(noTrain.err().contains("--train"), noTrain.err());
        Files.delete(f.root.resolve("images").resolve(f.testIds.get(0)).resolve("1.png"));
        CommandRun missing = CommandRun.of("eval", "report", "--baseline", "constant", "--train", train,
                "--dataset", test, "--out", out);
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("1 image file(s) not found") && missing.err().contains("1.png"),
                missing.err());
    }

    private record Fixture(Path root, List<String> trainReports, List<String> testIds) {
    }

    /** The first TRAIN train and TEST test studies of the real annotation, with two generated views each. */
    private Fixture fixture() throws IOException {
        var shared = SharedData.dataset("iu-xray-reports");
        Assumptions.assumeTrue(shared.isPresent(), SharedData.missingMessage("iu-xray-reports"));
        JsonNode real = JsonLines.MAPPER.readTree(shared.get().resolve("annotation_r2gen.json").toFile());
        Path root = dir.resolve("iu_xray");
        ObjectNode ann = JsonLines.MAPPER.createObjectNode();
        List<String> trainReports = new ArrayList<>();
        List<String> testIds = new ArrayList<>();
        ArrayNode train = ann.putArray("train");
        for (int i = 0; i < TRAIN; i++) {
            JsonNode s = real.get("train").get(i);
            train.add(s);
            trainReports.add(s.get("report").asText());
            views(root, s.get("id").asText(), i);
        }
        ann.putArray("val");
        ArrayNode test = ann.putArray("test");
        for (int i = 0; i < TEST; i++) {
            JsonNode s = real.get("test").get(i);
            test.add(s);
            testIds.add(s.get("id").asText());
            views(root, s.get("id").asText(), i); // the same pixels as training study i
        }
        Files.writeString(root.resolve("annotation.json"), ann.toString());
        return new Fixture(root, trainReports, testIds);
    }

    /** Two 24x24 grey views whose pattern depends on {@code seed} (frontal and lateral differ). */
    private static void views(Path root, String id, int seed) throws IOException {
        Path d = Files.createDirectories(root.resolve("images").resolve(id));
        for (int v = 0; v < 2; v++) {
            BufferedImage img = new BufferedImage(24, 24, BufferedImage.TYPE_BYTE_GRAY);
            for (int y = 0; y < 24; y++) {
                for (int x = 0; x < 24; x++) {
                    int on = ((x / (2 + seed % 5)) + (y / (2 + seed / 5 + v))) % 2;
                    img.getRaster().setSample(x, y, 0, on * (120 + 10 * seed) + 20 * v);
                }
            }
            ImageIO.write(img, "png", d.resolve(v + ".png").toFile());
        }
    }

    private static List<JsonNode> lines(Path p) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(p)) {
            out.add(JsonLines.MAPPER.readTree(l));
        }
        return out;
    }

    /** Most common after whitespace collapsing; ties to the smallest text (the documented rule). */
    private static String mostCommon(List<String> reports) {
        Map<String, Integer> c = new HashMap<>();
        reports.forEach(r -> c.merge(r.strip().replaceAll("\\s+", " "), 1, Integer::sum));
        return c.entrySet().stream().sorted((a, b) -> a.getValue().equals(b.getValue())
                ? a.getKey().compareTo(b.getKey()) : b.getValue() - a.getValue()).findFirst().orElseThrow().getKey();
    }
}
