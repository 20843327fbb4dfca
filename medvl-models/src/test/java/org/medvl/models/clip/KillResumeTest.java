package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: a run killed with SIGKILL mid-training and continued with resume ends with the same weights and the
 * same per-epoch metrics as an uninterrupted run with the same seed. Each run is a separate JVM.
 */
class KillResumeTest {
    @TempDir
    Path tmp;

    @Test
    void killedAndResumedRunMatchesUninterruptedRun() throws Exception {
        Path straight = tmp.resolve("straight");
        Path killed = tmp.resolve("killed");
        finish(straight, "fresh");

        Process p = start(killed, "fresh", 100);
        Path state = killed.resolve("checkpoint/training.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long stepAtKill = -1;
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(state)) {
                long s = new ObjectMapper().readTree(state.toFile()).path("step").asLong();
                if (s >= ResumeRunner.CHECKPOINT_EVERY * 2) {
                    stepAtKill = s;
                    break;
                }
            }
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the run finished before it could be killed");
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no chance to tidy up
        assertEquals(137, p.waitFor(), "expected death by SIGKILL");
        assertTrue(stepAtKill > 0 && stepAtKill < 32, "killed at step " + stepAtKill);
        assertFalse(Files.exists(killed.resolve("model")), "the killed run must not have finished");

        finish(killed, "resume");

        assertArrayEquals(Files.readAllBytes(straight.resolve("model/model.params")),
                Files.readAllBytes(killed.resolve("model/model.params")), "final weights differ");
        List<JsonNode> a = metrics(straight);
        List<JsonNode> b = metrics(killed);
        assertEquals(ResumeRunner.EPOCHS, a.size());
        assertEquals(a, b, "per-epoch metrics differ");
        assertTrue(a.get(a.size() - 1).has("val_image_to_text_R@1"));
    }

    private static List<JsonNode> metrics(Path run) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        ObjectMapper om = new ObjectMapper();
        for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) om.readTree(line);
            node.remove("seconds"); // wall time is the one field that may differ
            out.add(node);
        }
        return out;
    }

    private void finish(Path run, String mode) throws Exception {
        int rc = start(run, mode, 0).waitFor();
        if (rc != 0) {
            List<String> log = Files.readAllLines(tmp.resolve(run.getFileName() + "-" + mode + ".log"));
            throw new AssertionError(mode + " run exited " + rc + ":\n"
                    + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size())));
        }
    }

    private Process start(Path run, String mode, long delayMs) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Dai.djl.offline=true", "-Dmedvl.quiet=true",
                "-Dai.djl.pytorch.num_threads=1",
                "-cp", System.getProperty("java.class.path"), ResumeRunner.class.getName(), run.toString(), mode,
                Long.toString(delayMs));
        pb.environment().putAll(Map.of("OPT_OUT_TRACKING", "true"));
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve(run.getFileName() + "-" + mode + ".log").toFile());
        return pb.start();
    }
}
