package org.medvl.cli.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;
import org.medvl.core.io.SharedData;
import org.medvl.server.Workbench;
import org.medvl.server.WorkbenchConfig;
import org.medvl.server.models.ModelDirectory;
import org.medvl.server.models.ModelSet;

/**
 * The whole similar-case path with real parts: `train clip` writes a (tiny) CLIP checkpoint, `index build --model`
 * indexes MedPix dev with it, and the workbench, set up as `medvl serve --models M --index I` sets it up, answers an
 * uploaded image with its own case first.
 */
class ServeIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void serveAnswersSimilarCasesFromAnIndexBuiltWithATrainedClipCheckpoint() throws Exception {
        Optional<Path> medpix = SharedData.dataset("medpix-2.0");
        Assumptions.assumeTrue(medpix.isPresent(), SharedData.missingMessage("medpix-2.0"));
        String dev = "medpix-2.0:" + medpix.get() + "#dev";
        Path run = dir.resolve("run");
        CommandRun train = CommandRun.of("train", "clip", "--data", dev, "--out", run.toString(), "--limit", "32",
                "--epochs", "1", "--batch-size", "8", "--image-size", "16", "--image-width", "4", "--text-width", "16",
                "--text-depth", "1", "--text-heads", "2", "--embed-dim", "8", "--vocab-size", "200",
                "--max-text-length", "16");
        assertEquals(0, train.code(), train.err());
        Path model = run.resolve("model");
        assertEquals("clip", JSON.readTree(model.resolve("config.json").toFile()).get("task").asText(),
                "CLIP checkpoints name their task");

        Path index = dir.resolve("index");
        CommandRun build = CommandRun.of("index", "build", "--dataset", dev, "--model", model.toString(), "--out",
                index.toString());
        assertEquals(0, build.code(), build.err());

        Path query;
        try (Stream<Path> s = Files.list(medpix.get().resolve("images"))) {
            query = s.filter(p -> p.getFileName().toString().endsWith(".jpg")).sorted().findFirst().orElseThrow();
        }
        CommandRun search = CommandRun.of("index", "search", "--index", index.toString(), "--model", model.toString(),
                "--image", query.toString(), "-k", "3");
        assertEquals(0, search.code(), search.err());

        ModelSet set = ModelDirectory.load(model, line -> { });
        set = set.withSimilar(new IndexSimilarCases(index, set.embedder()));
        try (Workbench server = Workbench.start(WorkbenchConfig.local(0), set)) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            URI base = URI.create(server.url());
            HttpResponse<String> up = http.send(HttpRequest.newBuilder(base.resolve("/api/images"))
                    .header("Content-Type", "image/jpeg").POST(HttpRequest.BodyPublishers.ofFile(query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201 / 100, up.statusCode() / 100, up.body());
            String id = JSON.readTree(up.body()).get("id").asText();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/images/" + id
                    + "/similar?k=5")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode cases = JSON.readTree(r.body()).get("cases");
            assertEquals(5, cases.size(), r.body());
            String self = query.getFileName().toString().replaceFirst("\\.jpg$", "");
            assertTrue(cases.get(0).get("id").asText().contains(self),
                    "the uploaded image itself is in the index and should come first: " + r.body());
        } finally {
            set.close();
        }
    }
}
