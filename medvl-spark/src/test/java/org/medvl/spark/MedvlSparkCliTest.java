package org.medvl.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: help and usage errors of every command, outputs, refusal to overwrite, one-line errors. */
class MedvlSparkCliTest {
    static final List<String> COMMANDS = List.of("embed", "zeroshot", "report", "vqa", "label", "metrics", "bench");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = MedvlSpark.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyCommandHasHelpAndRejectsUnknownOptions() {
        assertEquals(COMMANDS, List.copyOf(new CommandLine(new MedvlSpark()).getSubcommands().keySet()));
        for (String c : COMMANDS) {
            Run help = run(c, "--help");
            assertEquals(0, help.code(), c);
            assertTrue(help.out().contains("Usage: medvl-spark " + c), c + ": " + help.out());
            Run bad = run(c, "--no-such-option");
            assertEquals(2, bad.code(), c);
            assertTrue(bad.err().contains("Try 'medvl-spark " + c + " --help' for usage."), c + ": " + bad.err());
        }
    }

    @Test
    void benchRefusesAnUnknownJobAndAnEmbedJobWithoutModel() {
        Run unknown = run("bench", "--job", "train");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("--job must be metrics or embed, not train"), unknown.err());
        Run embed = run("bench", "--job", "embed", "--manifest", tmp.resolve("m.jsonl").toString());
        assertEquals(1, embed.code());
        assertTrue(embed.err().contains("--job embed needs --model DIR and --manifest PATH"), embed.err());
    }

    @Test
    void metricsWritesJsonAndKeepsAnExistingFile() throws Exception {
        Path pairs = tmp.resolve("pairs.jsonl");
        Files.writeString(pairs, """
                {"id": "a", "refs": ["No acute cardiopulmonary abnormality.", "Normal chest."], "hyp": "No acute abnormality."}
                {"id": "b", "refs": ["Mild cardiomegaly. No effusion."], "hyp": "Mild cardiomegaly."}

                {"id": "c", "refs": ["Possible pneumonia at the left base."], "hyp": "Left basilar pneumonia."}
                """);
        Path json = tmp.resolve("scores.json");
        Run r = run("metrics", "--pairs", pairs.toString(), "--out", json.toString(), "--master", "local[2]");
        assertEquals(0, r.code(), r.err());
        JsonNode o = new ObjectMapper().readTree(json.toFile());
        assertEquals(3, o.get("items").asInt());
        assertEquals("coco", o.get("profile").asText());
        assertTrue(o.get("BLEU-1").asDouble() > 0 && o.has("CIDEr-D") && o.has("CE"), o.toString());
        assertEquals(o, new ObjectMapper().readTree(r.out()));

        Files.writeString(json, "mine");
        Run again = run("metrics", "--pairs", pairs.toString(), "--out", json.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists (use --force"), again.err());
        assertEquals("mine", Files.readString(json));

        Files.writeString(pairs, "{\"refs\": [\"x\"], \"hyp\": \"x\"}\n{\"refs\": \"x\", \"hyp\": \"y\"}\n");
        Run bad = run("metrics", "--pairs", pairs.toString());
        assertEquals(1, bad.code());
        assertEquals("medvl-spark: error: " + pairs + ":2: field \"refs\" must be a non-empty array of strings",
                bad.err().lines().filter(l -> l.startsWith("medvl-spark")).findFirst().orElse(bad.err()));
    }

    @Test
    void labelJobWritesParquetWithIds() throws Exception {
        Path manifest = tmp.resolve("m.jsonl");
        Files.writeString(manifest, """
                {"kind":"header","format":"medvl-manifest","version":1,"source":"test","kinds":["study"]}
                {"kind":"study","id":"s1","images":["a.png"],"sections":{"findings":"Mild cardiomegaly.","impression":"No effusion."}}
                {"kind":"pair","id":"s2","image":{"id":"b","path":"/data/b.png"},"text":"Possible pneumothorax."}
                """);
        Path out = tmp.resolve("labels");
        Run r = run("label", "--manifest", manifest.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("wrote 2 rows"), r.out());
        List<Row> rows = LocalSpark.get().read().parquet(out.toString()).orderBy("index").collectAsList();
        assertEquals("s1", rows.get(0).getAs("id"));
        assertEquals("1", rows.get(0).getAs("Cardiomegaly"));
        assertEquals("0", rows.get(0).getAs("Pleural Effusion"));
        assertEquals("-1", rows.get(1).getAs("Pneumothorax"));

        Run again = run("label", "--manifest", manifest.toString(), "--out", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists"), again.err());
        assertEquals(0, run("label", "--manifest", manifest.toString(), "--out", out.toString(), "--force").code());

        Files.writeString(manifest, "{\"kind\":\"pair\",\"id\":\"x\",\"text\":\"ok\"}\n{\"kind\":\"pair\",\"text\":\"no id\"}\n");
        Run bad = run("label", "--manifest", manifest.toString(), "--out", tmp.resolve("o2").toString());
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains(manifest + ":2: missing field \"id\""), bad.err());
        assertTrue(!Files.exists(tmp.resolve("o2")));
    }
}
