package org.medvl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.io.JsonLines;

/** {@code medvl metrics caption} end to end (org.medvl.cli.metrics.CaptionCommand). */
class CaptionCommandTest {
    @TempDir
    Path dir;

    @Test
    void scoresPairsAndWritesPerItemScores() throws IOException {
        Path pairs = Files.writeString(dir.resolve("pairs.jsonl"),
                "{\"id\":\"s1\",\"refs\":[\"No pleural effusion.\",\"No effusion.\"],\"hyp\":\"No pleural effusion.\"}\n"
                        + "{\"id\":\"s2\",\"refs\":[\"Heart size is normal.\"],\"hyp\":\"The heart is enlarged.\"}\n");
        Path perItem = dir.resolve("items.jsonl");
        CommandRun r = CommandRun.of("metrics", "caption", "--pairs", pairs.toString(), "--per-item",
                perItem.toString(),
                "--metrics", "BLEU,ROUGE-L,CIDEr-D");
        assertEquals(0, r.code(), r.err());
        JsonNode json = JsonLines.MAPPER.readTree(r.out());
        for (String key : List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L", "CIDEr-D")) {
            assertTrue(json.get(key).isNumber(), key + " in " + r.out());
        }
        assertEquals("coco", json.get("profile").asText());
        List<String> lines = Files.readAllLines(perItem);
        assertEquals(2, lines.size());
        JsonNode first = JsonLines.MAPPER.readTree(lines.get(0));
        assertEquals("s1", first.get("id").asText());
        assertEquals(1.0, first.get("ROUGE-L").asDouble(), 0.0);
        assertTrue(r.err().contains("per-item scores: "), r.err());

        CommandRun again = CommandRun.of("metrics", "caption", "--pairs", pairs.toString(), "--per-item",
                perItem.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists; pass --force"), again.err());
    }

    @Test
    void misalignedFilesAreOneClearError() throws IOException {
        Path refs = Files.writeString(dir.resolve("refs.txt"), "a b\nc d\n");
        Path hyps = Files.writeString(dir.resolve("hyps.txt"), "a b\n");
        CommandRun r = CommandRun.of("metrics", "caption", "--refs", refs.toString(), "--hyps", hyps.toString(),
                "--profile",
                "plain", "--metrics", "BLEU-4");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("medvl: error: misaligned inputs: ") && r.err().contains("refs.txt has 2 lines")
                && r.err().contains("hyps.txt has 1"), r.err());
        assertTrue(!r.err().contains("\tat "), r.err());
    }

    @Test
    void unknownMetricOrProfileIsNamed() throws IOException {
        Path pairs = Files.writeString(dir.resolve("p.jsonl"), "{\"refs\":[\"a\"],\"hyp\":\"a\"}\n");
        CommandRun r = CommandRun.of("metrics", "caption", "--pairs", pairs.toString(), "--metrics", "SPICE");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("unknown caption metric 'SPICE'"), r.err());
        r = CommandRun.of("metrics", "caption", "--pairs", pairs.toString(), "--profile", "nlg");
        assertTrue(r.err().contains("unknown caption profile 'nlg'"), r.err());
    }
}
