package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.medvl.models.clip.ClipEncoder;
import org.medvl.server.batch.BatchPolicy;
import org.medvl.models.clip.ClipAdapter;
import org.medvl.server.models.ModelSet;
import org.medvl.server.models.SimilarCases;

/** The CLIP path (zero-shot through {@link ClipAdapter}, batched) and the similar-cases panel, over HTTP. */
class ClipAndSimilarPanelsTest {
    /** Embeds a text as a one-hot-ish vector by its first letter; every image as the "e" direction. */
    static final class LetterEncoder implements ClipEncoder {
        final List<Integer> imageBatches = new CopyOnWriteArrayList<>();

        @Override
        public float[][] embedImages(List<Path> images) {
            imageBatches.add(images.size());
            float[][] out = new float[images.size()][];
            for (int i = 0; i < out.length; i++) {
                out[i] = unit('e');
            }
            return out;
        }

        @Override
        public float[][] embedTexts(List<String> texts) {
            // templates put the label last or first: use the label's own first letter wherever it is
            return texts.stream().map(t -> unit(labelLetter(t))).toArray(float[][]::new);
        }

        private static char labelLetter(String prompt) {
            String p = prompt.replace("a radiograph showing ", "").replace("findings consistent with ", "");
            return p.isEmpty() ? 'z' : p.charAt(0);
        }

        private static float[] unit(char c) {
            float[] v = new float[26];
            v[Math.floorMod(c - 'a', 26)] = 1;
            return v;
        }

        @Override
        public float logitScale() {
            return 10;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void zeroShotGoesThroughTheClipAdapterInBatches() throws Exception {
        LetterEncoder enc = new LetterEncoder();
        ClipAdapter clip = new ClipAdapter("clip:letters", enc);
        ModelSet set = new ModelSet(null, null, clip, clip, null, Map.of());
        WorkbenchConfig config = WorkbenchConfig.local(0).withBatching(new BatchPolicy(8, 500, 64));
        try (TestServer s = new TestServer(config, set)) {
            String id = s.upload(TestImages.png(32, 32), "image/png").get("id").asText();
            JsonNode one = TestServer.json(s.postJson("/api/images/" + id + "/findings",
                    "{\"labels\": [\"pneumothorax\", \"effusion\", \"cardiomegaly\"]}"));
            assertEquals("effusion", one.get("scores").get(0).get("label").asText(), one.toString());
            double pTop = one.get("scores").get(0).get("probability").asDouble();
            assertEquals(Math.exp(10) / (Math.exp(10) + 2), pTop, 1e-9, "softmax of logit scale x cosine");

            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> f = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                f.add(pool.submit(() -> s.postJson("/api/images/" + id + "/findings", "{}").statusCode()));
            }
            for (Future<Integer> r : f) {
                assertEquals(200, r.get());
            }
            pool.shutdown();
            assertTrue(enc.imageBatches.stream().anyMatch(n -> n > 1),
                    "concurrent requests shared an image-encoder pass: " + enc.imageBatches);
            assertTrue(TestServer.text(s.get("/metrics")).contains("medvl_model_batch_items_total{model=\"findings\"} 9"));
        }
    }

    @Test
    void similarCasesPanelReturnsTheIndexHits() {
        SimilarCases index = new SimilarCases() {
            @Override
            public String name() {
                return "test-index";
            }

            @Override
            public List<Case> similarTo(Path image, int k) {
                List<Case> out = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    out.add(new Case("case-" + i, 1.0 / (i + 1), "caption " + i, "medpix-2.0", "train"));
                }
                return out;
            }
        };
        try (TestServer s = TestServer.start(ModelSet.empty().withSimilar(index))) {
            String id = s.upload(TestImages.png(16, 16), "image/png").get("id").asText();
            JsonNode r = TestServer.json(s.postJson("/api/images/" + id + "/similar?k=3", "{}"));
            assertEquals("test-index", r.get("index").asText());
            assertEquals(3, r.get("cases").size());
            assertEquals("case-0", r.get("cases").get(0).get("id").asText());
            var report = s.postJson("/api/images/" + id + "/report", "{}");
            assertEquals(404, report.statusCode(), "no report model: the panel is off");
            assertTrue(new String(report.body(), StandardCharsets.UTF_8).contains("no report-generation model"));
        }
    }
}
