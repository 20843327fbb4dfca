package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medvl.server.images.UploadLimits;
import org.medvl.server.load.CalibrationModels;
import org.medvl.server.models.ModelSet;

class WorkbenchApiTest {
    private static TestServer s;

    @BeforeAll
    static void start() {
        s = TestServer.start(CalibrationModels.all());
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    @Test
    void pageCarriesTheDraftStatementAndOnlyLocalAssets() {
        HttpResponse<byte[]> page = s.get("/");
        assertEquals(200, page.statusCode());
        String html = TestServer.text(page);
        assertTrue(html.contains("not diagnoses"), "the page states outputs are drafts, not diagnoses");
        assertFalse(html.contains("http://") || html.contains("https://"), "no CDN or external font");
        assertEquals(200, s.get("/static/app.js").statusCode());
        assertEquals(200, s.get("/static/app.css").statusCode());
        assertEquals(404, s.get("/static/nope.js").statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
    }

    @Test
    void uploadRenderAndModelsOnAPng() throws Exception {
        JsonNode img = s.upload(TestImages.png(80, 60), "image/png");
        assertEquals("PNG", img.get("format").asText());
        assertEquals(80, img.get("width").asInt());
        assertFalse(img.get("deidentified").asBoolean());
        String id = img.get("id").asText();
        assertTrue(id.matches("[0-9a-f]{32}"));

        HttpResponse<byte[]> png = s.get("/api/images/" + id + "/render?size=40");
        assertEquals(200, png.statusCode());
        BufferedImage shown = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertEquals(40, shown.getWidth(), "scaled to fit the requested side");
        assertEquals(400, s.get("/api/images/" + id + "/render?center=10").statusCode());
        assertEquals(400, s.get("/api/images/" + id + "/render?preset=nonsense").statusCode());

        JsonNode report = TestServer.json(s.postJson("/api/images/" + id + "/report", "{}"));
        assertEquals("preliminary", report.get("status").asText());
        assertTrue(report.get("report").asText().startsWith("CALIBRATION OUTPUT"));

        JsonNode answer = TestServer.json(s.postJson("/api/images/" + id + "/answer",
                "{\"question\": \"Is the heart enlarged?\"}"));
        double sum = 0;
        for (JsonNode a : answer.get("alternatives")) {
            sum += a.get("probability").asDouble();
        }
        assertEquals(1.0, sum, 1e-9);
        assertEquals(answer.get("answer").asText(), answer.get("alternatives").get(0).get("answer").asText());

        JsonNode findings = TestServer.json(s.postJson("/api/images/" + id + "/findings",
                "{\"labels\": [\"effusion\", \"pneumothorax\", \"normal\"]}"));
        assertEquals(3, findings.get("scores").size());
        assertTrue(findings.get("scores").get(0).get("probability").asDouble()
                >= findings.get("scores").get(2).get("probability").asDouble(), "best first");

        HttpResponse<byte[]> similar = s.postJson("/api/images/" + id + "/similar", "{}");
        assertEquals(404, similar.statusCode());
        assertTrue(TestServer.text(similar).contains("no similar-case index loaded"));

        assertEquals(204, s.send("DELETE", "/api/images/" + id, null, null).statusCode());
        assertEquals(404, s.get("/api/images/" + id).statusCode());
    }

    @Test
    void dicomIsWindowedServerSide() throws Exception {
        JsonNode img = s.upload(TestImages.dicom(), "application/dicom");
        assertTrue(img.get("grey").asBoolean());
        assertEquals(2048, img.get("windowCenter").asDouble(), 1e-9);
        String id = img.get("id").asText();
        BufferedImage wide = ImageIO.read(new ByteArrayInputStream(
                s.get("/api/images/" + id + "/render?center=2048&width=4096").body()));
        BufferedImage narrow = ImageIO.read(new ByteArrayInputStream(
                s.get("/api/images/" + id + "/render?center=1000&width=200").body()));
        // pixel (2, 2) holds 820: mid-grey in the wide window, black in a narrow window centred at 1000
        int w = wide.getRaster().getSample(2, 2, 0);
        int n = narrow.getRaster().getSample(2, 2, 0);
        assertTrue(w > 20 && w < 80, "wide window value " + w);
        assertTrue(n < 20, "narrow window value " + n);
        assertNotEquals(w, n);
    }

    @Test
    void modelsHealthReadinessAndMetrics() {
        JsonNode models = TestServer.json(s.get("/api/models"));
        assertEquals(4, models.get("panels").size());
        assertEquals(-600, models.get("windowPresetValues").get("lung").get("center").asDouble(), 1e-9);
        for (JsonNode p : models.get("panels")) {
            boolean similar = p.get("panel").asText().equals(ModelSet.SIMILAR);
            assertEquals(!similar, p.get("enabled").asBoolean());
        }
        assertEquals(200, s.get("/health").statusCode());
        JsonNode ready = TestServer.json(s.get("/ready"));
        assertTrue(ready.get("ready").asBoolean());
        assertNotNull(ready.get("queues").get("report"));
        s.get("/health");
        String metrics = TestServer.text(s.get("/metrics"));
        assertTrue(metrics.contains("medvl_http_requests_total{method=\"GET\",route=\"/health\",status=\"200\"}"),
                metrics);
        assertTrue(metrics.contains("medvl_model_queue_depth{model=\"report\"} 0"));
        assertTrue(metrics.contains("medvl_http_request_duration_seconds_bucket{route=\"/health\",le=\"+Inf\"}"));
    }

    @Test
    void uploadAndPixelLimits() {
        try (TestServer small = new TestServer(WorkbenchConfig.local(0).withUploads(new UploadLimits(5_000, 1_000, 4)),
                CalibrationModels.all())) {
            HttpResponse<byte[]> big = small.send("POST", "/api/images", "image/png", new byte[6_000]);
            assertEquals(413, big.statusCode(), TestServer.text(big));
            HttpResponse<byte[]> pixels = small.send("POST", "/api/images", "image/png", TestImages.png(40, 40));
            assertEquals(413, pixels.statusCode(), TestServer.text(pixels));
            assertTrue(TestServer.text(pixels).contains("more than the limit of 1000 pixels"));
            for (int i = 0; i < 6; i++) { // beyond maxStored the oldest upload goes
                small.upload(TestImages.png(20, 20 + i), "image/png");
            }
            assertEquals(4, small.server.metrics().scrape().lines()
                    .filter(l -> l.startsWith("medvl_uploads_stored ")).mapToInt(l -> Integer.parseInt(l.split(" ")[1]))
                    .findFirst().orElse(-1));
        }
    }

    @Test
    void bearerTokenGuardsTheApiButNotHealth() {
        try (TestServer guarded = new TestServer(WorkbenchConfig.local(0).withToken("s3cret-token-for-tests"),
                CalibrationModels.all())) {
            HttpResponse<byte[]> no = guarded.get("/api/models");
            assertEquals(401, no.statusCode());
            assertTrue(no.headers().firstValue("WWW-Authenticate").isPresent());
            assertEquals(401, guarded.get("/metrics").statusCode());
            assertEquals(200, guarded.get("/health").statusCode());
            assertEquals(200, guarded.get("/").statusCode());
            assertEquals(401, guarded.token("wrong").get("/api/models").statusCode());
            assertEquals(200, guarded.token("s3cret-token-for-tests").get("/api/models").statusCode());
        }
    }
}
