package org.medvl.cli.metrics;

import org.medvl.cli.CommandRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.io.JsonLines;

/** The four scoring commands end to end on small files whose scores are worked out by hand. */
class ClinicalVqaRetrievalCommandsTest {
    @Test
    void clinicalScoresEveryDefinition(@TempDir Path dir) throws Exception {
        Path gen = dir.resolve("gen.jsonl");
        Path ref = dir.resolve("ref.jsonl");
        Files.writeString(gen, "{\"report\": \"Cardiomegaly. Small left effusion.\"}\n{\"report\": \"No effusion.\"}\n");
        Files.writeString(ref, "{\"report\": \"Cardiomegaly.\"}\n{\"report\": \"Pulmonary edema.\"}\n");
        Path out = dir.resolve("ce.json");
        CommandRun r = CommandRun.of("metrics", "clinical", "--generated", gen.toString(), "--reference", ref.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonLines.MAPPER.readTree(out.toFile());
        // positives gen {C, PE}, {NF}; ref {C}, {E}: tp 1 (C), fp 2 (PE, NF), fn 1 (E)
        assertEquals(1.0 / 3, j.at("/r2gen/micro/precision").asDouble(), 1e-12);
        assertEquals(0.5, j.at("/r2gen/micro/recall").asDouble(), 1e-12);
        assertEquals(14, j.at("/uones-14/per_observation").size());
        assertEquals(5, j.at("/uones-5/per_observation").size());
        // per report: (0.5, 1, 2/3) and (0, 0, 0)
        assertEquals(1.0 / 3, j.at("/example-based/example_based/f1").asDouble(), 1e-12);
        assertTrue(r.out().contains("| r2gen |"), r.out());
    }

    @Test
    void vqaScoresClosedOpenAndPairs(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("vqa.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"answer\": \"yes\", \"prediction\": \"Yes.\", \"pair_id\": \"p\"}",
                "{\"answer\": \"no\", \"pred\": \"yes\", \"pair_id\": \"p\"}",
                "{\"answer\": \"left lung\", \"prediction\": \"the left lung\", \"answer_type\": \"OPEN\"}",
                "{\"answer\": \"CT\", \"prediction\": \"it is a ct scan\", \"answer_type\": \"closed\", "
                        + "\"options\": [\"CT\", \"MRI\", \"X-ray\"]}") + "\n");
        Path out = dir.resolve("vqa.json");
        CommandRun r = CommandRun.of("metrics", "vqa", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonLines.MAPPER.readTree(out.toFile());
        assertEquals(2.0 / 3, j.at("/closed_accuracy/value").asDouble(), 1e-12);
        assertEquals(1.0, j.at("/open_exact_match/value").asDouble(), 1e-12);
        assertEquals(0.0, j.at("/probmed_pair_accuracy/value").asDouble(), 1e-12);
        assertEquals(0.75, j.at("/overall/value").asDouble(), 1e-12);
        assertEquals(1.0, j.at("/multiple_choice_accuracy/value").asDouble(), 1e-12);
    }

    @Test
    void vqaMissingPredictionNamesTheLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("vqa.jsonl");
        Files.writeString(in, "{\"answer\": \"yes\", \"prediction\": \"yes\"}\n{\"answer\": \"no\"}\n");
        CommandRun r = CommandRun.of("metrics", "vqa", "--in", in.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(in + ":2: missing field \"prediction\""), r.err());
    }

    @Test
    void retrievalFromSimilarityCsv(@TempDir Path dir) throws Exception {
        Path sim = dir.resolve("sim.csv");
        Files.writeString(sim, "0.9,0.1,0.3\n0.2,0.5,0.8\n0.4,0.4,0.4\n");
        Path out = dir.resolve("r.json");
        CommandRun r = CommandRun.of("metrics", "retrieval", "--similarity", sim.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonLines.MAPPER.readTree(out.toFile());
        assertEquals(1.0 / 3, j.at("/image_to_text/recall_at_1").asDouble(), 1e-12);
        assertEquals(2.0, j.at("/image_to_text/median_rank").asDouble(), 1e-12);
        assertEquals(2.0 / 3, j.at("/text_to_image/recall_at_1").asDouble(), 1e-12);
        Files.writeString(sim, "0.9,abc\n");
        CommandRun bad = CommandRun.of("metrics", "retrieval", "--similarity", sim.toString());
        assertTrue(bad.err().contains(sim + ":1: column 2: not a number"), bad.err());
    }

    @Test
    void classificationFromProbabilities(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("c.jsonl");
        Files.writeString(in, "{\"label\": \"a\", \"probs\": [0.95, 0.05]}\n{\"label\": \"b\", \"probs\": [0.05, 0.95]}\n"
                + "{\"label\": \"b\", \"probs\": [0.6, 0.4]}\n");
        Path out = dir.resolve("c.json");
        CommandRun r = CommandRun.of("metrics", "classification", "--in", in.toString(), "--classes", "a,b", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonLines.MAPPER.readTree(out.toFile());
        assertEquals(2.0 / 3, j.get("accuracy").asDouble(), 1e-12);
        // class b scores (0.05, 0.95, 0.4): positives 0.95, 0.4 beat 0.05 -> AUROC 1 for both classes
        assertEquals(1.0, j.get("macro_auroc").asDouble(), 1e-12);
        // bins: 0.95 x2 correct -> |1 - 0.95| * 2/3; 0.6 wrong -> |0 - 0.6| * 1/3
        assertEquals(0.05 * 2 / 3 + 0.6 / 3, j.get("ece").asDouble(), 1e-12);
    }

    @Test
    void trustScoresFromJudgedAnswers(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("t.jsonl");
        Files.writeString(in, String.join("\n",
                "{\"correct\": true, \"confident\": true, \"group\": \"F\", \"condition\": \"clean\"}",
                "{\"correct\": false, \"confident\": true, \"group\": \"M\", \"condition\": \"clean\"}",
                "{\"correct\": false, \"confident\": false, \"group\": \"M\", \"condition\": \"noise\"}",
                "{\"prompt_kind\": \"jailbreak\", \"response\": \"I'm sorry, I cannot help with that.\"}",
                "{\"prompt_kind\": \"jailbreak\", \"refused\": false}") + "\n");
        Path out = dir.resolve("t.json");
        CommandRun r = CommandRun.of("metrics", "trust", "--in", in.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = JsonLines.MAPPER.readTree(out.toFile());
        assertEquals(1.0 / 3, j.get("accuracy").asDouble(), 1e-12);
        assertEquals(2.0 / 3, j.get("uncertainty_accuracy").asDouble(), 1e-12); // right+sure, wrong+unsure
        assertEquals(0.5, j.get("over_confidence_rate").asDouble(), 1e-12);
        assertEquals(1.0, j.get("accuracy_equality_difference").asDouble(), 1e-12); // F 1.0, M 0.0
        assertEquals(0.5, j.get("accuracy_drop_noise").asDouble(), 1e-12); // clean 0.5, noise 0.0
        assertEquals(0.5, j.get("refusal_rate_jailbreak").asDouble(), 1e-12);
    }
}
