package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.medvl.server.batch.BatchPolicy;

/** Under more load than a slow model's bounded queue holds, the excess gets 503 with Retry-After, the rest 200. */
class QueueLimitTest {
    @Test
    void excessLoadIs503WithRetryAfter() throws Exception {
        WorkbenchConfig config = WorkbenchConfig.local(0).withBatching(new BatchPolicy(1, 0, 2));
        try (TestServer s = new TestServer(config, TestModels.reportOnly(new TestModels.Slow(300)))) {
            String id = s.upload(TestImages.png(16, 16), "image/png").get("id").asText();
            ExecutorService pool = Executors.newFixedThreadPool(12);
            List<Future<HttpResponse<byte[]>>> f = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                f.add(pool.submit(() -> s.postJson("/api/images/" + id + "/report", "{}")));
            }
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<byte[]>> r : f) {
                HttpResponse<byte[]> resp = r.get();
                statuses.merge(resp.statusCode(), 1, Integer::sum);
                if (resp.statusCode() == 503) {
                    int retry = Integer.parseInt(resp.headers().firstValue("Retry-After").orElse("0"));
                    assertTrue(retry >= 1, "Retry-After in seconds");
                    assertTrue(TestServer.text(resp).contains("busy"));
                }
            }
            pool.shutdown();
            assertEquals(12, statuses.getOrDefault(200, 0) + statuses.getOrDefault(503, 0), statuses.toString());
            assertTrue(statuses.getOrDefault(503, 0) >= 1, "some rejected: " + statuses);
            assertTrue(statuses.getOrDefault(200, 0) >= 3, "running + queued served: " + statuses);
            assertTrue(s.server.metrics().scrape().contains("medvl_model_queue_rejected_total{model=\"report\"}"));
            assertEquals(200, s.get("/health").statusCode());
        }
    }
}
