package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medvl.server.load.CalibrationModels;
import org.medvl.server.load.LoadGenerator;

/**
 * A few seconds of the load `medvl bench serve` runs for a minute: 8 closed-loop clients over the report, question,
 * findings, render, describe and health endpoints. No 5xx but deliberate 503s, no broken connection. The numbers it
 * prints are from a shared test machine: indicative only (the benchmark is the place for figures).
 */
class ShortLoadTest {
    @Test
    void shortLoadHasNoUnexpected5xx() {
        try (TestServer s = TestServer.start(CalibrationModels.all())) {
            String id = s.upload(TestImages.dicom(), "application/dicom").get("id").asText();
            List<LoadGenerator.Call> mix = LoadGenerator.standardMix(id, s.server.models().panels());
            LoadGenerator.Result r = LoadGenerator.run(s.base, null, mix, 8, Duration.ofSeconds(3), 20_000);
            System.out.printf("short load: %d requests in %.1f s, statuses %s, p50 %.1f ms, p99 %.1f ms%n",
                    r.requests(), r.seconds(), r.byStatus(), r.p50Millis(), r.p99Millis());
            assertEquals(0, r.unexpected5xx(), r.byStatus().toString());
            assertEquals(0, r.transportErrors());
            assertTrue(r.count(200) > mix.size(), "requests were served: " + r.byStatus());
            assertEquals(r.requests(), r.count(200) + r.count(503), "only 200 and deliberate 503: " + r.byStatus());
        }
    }
}
