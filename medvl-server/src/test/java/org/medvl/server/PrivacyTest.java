package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.server.models.ModelSet;

/**
 * A DICOM carrying a known patient name, ID, birth date, institution, accession number and Study Instance UID goes
 * through upload, describe, render, report (JSON and FHIR), a failing model and the metrics: none of those values may
 * appear in any response, in the stored file, in what the model is given, or in the log.
 */
class PrivacyTest {
    @TempDir
    Path store;

    @Test
    void noIdentifyingDicomValueLeavesTheUpload() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        List<String> responses = new ArrayList<>();
        WorkbenchConfig config = new WorkbenchConfig("127.0.0.1", 0, null,
                org.medvl.server.images.UploadLimits.DEFAULT, org.medvl.server.batch.BatchPolicy.DEFAULT, store,
                java.time.Duration.ofSeconds(30));
        ModelSet models = new ModelSet(new TestModels.Leaky(), new TestModels.Failing(), null, null, null, Map.of());
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try (TestServer s = new TestServer(config, models)) {
            JsonNode img = s.upload(TestImages.dicom(), "application/dicom");
            responses.add(img.toString());
            String id = img.get("id").asText();
            assertTrue(img.get("deidentified").asBoolean());
            assertTrue(img.get("studyInstanceUid").asText().startsWith("2.25."), "remapped UID");
            responses.add(TestServer.text(s.get("/api/images/" + id)));
            responses.add(TestServer.text(s.postJson("/api/images/" + id + "/report", "{}")));
            responses.add(TestServer.text(s.postJson("/api/images/" + id + "/report?format=fhir", "{}")));
            var failed = s.postJson("/api/images/" + id + "/answer", "{\"question\": \"Whose image is this?\"}");
            assertEquals(500, failed.statusCode(), "a model's own fault is a 500");
            responses.add(TestServer.text(failed));
            responses.add(TestServer.text(s.get("/metrics")));
            String report = TestServer.json(s.postJson("/api/images/" + id + "/report", "{}")).get("report").asText();
            assertTrue(report.contains("ANONYMOUS") || report.contains("YES"),
                    "the leaky model did read the stored attributes: " + report);
            try (Stream<Path> files = Files.list(store)) {
                for (Path f : files.toList()) {
                    responses.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        } finally {
            System.setErr(err);
        }
        responses.add(log.toString(StandardCharsets.UTF_8));
        for (String r : responses) {
            for (String value : TestImages.IDENTIFYING) {
                assertFalse(r.contains(value), "identifying value '" + value + "' leaked into: "
                        + (r.length() > 300 ? r.substring(0, 300) : r));
            }
        }
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("internal error java.lang.IllegalStateException"),
                "the failure itself is logged, by class: " + log);
    }
}
