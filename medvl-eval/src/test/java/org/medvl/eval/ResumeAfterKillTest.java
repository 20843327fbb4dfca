package org.medvl.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.eval.remote.ScriptedChatServer;
import org.medvl.eval.vqa.VqaBenchmark;

/** A 500-question run killed with SIGKILL and rerun ends as an uninterrupted run and re-asks nothing answered. */
class ResumeAfterKillTest {
    @TempDir
    Path tmp;

    @Test
    void killedRunResumesWithoutAskingAnsweredQuestionsAgain() throws Exception {
        Path image = tmp.resolve("x.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", image.toFile());
        int n = 500;
        try (ScriptedChatServer server = new ScriptedChatServer()) {
            server.answerWith(q -> {
                try {
                    Thread.sleep(8); // slow enough that the kill lands mid-run
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                int k = Integer.parseInt(q.replaceAll("\\D+", ""));
                return k % 3 == 0 ? "Yes." : "No.";
            });
            Path cacheFile = tmp.resolve("answers.jsonl");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), ResumeChild.class.getName(),
                    server.baseUrl().toString(), cacheFile.toString(), image.toString(), String.valueOf(n))
                    .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (server.seen().size() < 150 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            child.destroyForcibly(); // SIGKILL on Linux
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertTrue(server.seen().size() >= 150 && server.seen().size() < n,
                    "kill should land mid-run; requests seen: " + server.seen().size() + "\n"
                            + Files.readString(tmp.resolve("child.log")));

            Set<String> answeredBeforeKill = new HashSet<>();
            try (AnswerCache c = AnswerCache.open(cacheFile)) {
                assertTrue(c.size() > 0 && c.size() < n, "cached before kill: " + c.size());
            }
            for (String line : Files.readAllLines(cacheFile)) {
                answeredBeforeKill.add(line);
            }
            int before = server.seen().size();
            var client = ResumeChild.client(server.baseUrl());
            var items = ResumeChild.items(image, n);
            VqaBenchmark.Result resumed;
            try (AnswerCache cache = AnswerCache.open(cacheFile)) {
                int cached = cache.size();
                resumed = VqaBenchmark.run(new AnsweringRun(client, cache, 4), client.name(), items);
                assertEquals(cached, resumed.fromCache());
                assertEquals(n - cached, resumed.asked());
            }
            List<ScriptedChatServer.Seen> rerunRequests = server.seen().subList(before, server.seen().size());
            assertEquals(resumed.asked(), rerunRequests.size(), "each unanswered question asked exactly once");
            Set<String> askedAgain = new HashSet<>();
            rerunRequests.forEach(s -> askedAgain.add(s.question()));
            assertEquals(rerunRequests.size(), askedAgain.size(), "no question asked twice in the rerun");

            VqaBenchmark.Result fresh;
            try (AnswerCache cache = AnswerCache.open(tmp.resolve("fresh.jsonl"))) {
                fresh = VqaBenchmark.run(new AnsweringRun(client, cache, 4), client.name(), items);
            }
            assertEquals(fresh.metrics(), resumed.metrics());
            assertEquals(n, resumed.items().size());
            assertTrue(answeredBeforeKill.size() > 0);
        }
    }
}
