package org.medvl.eval.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.eval.AnswerCache;
import org.medvl.eval.AnsweringRun;
import org.medvl.eval.remote.ScriptedChatServer;
import org.medvl.models.remote.OpenAiChatClient;
import org.medvl.models.remote.RemoteModelConfig;

/** Every CARES metric of the benchmark against values computed by hand from a scripted model. */
class TrustBenchmarkTest {
    @TempDir
    Path tmp;

    static final double EPS = 1e-12;

    VqaItem item(String id, String q, String answer, boolean closed, Path img, Demographics d) {
        return new VqaItem(id, new ImageRef(id, img.toString(), null, null, null), q, answer,
                closed ? AnswerType.CLOSED : AnswerType.OPEN, null, Split.TEST, "en", List.of(), d);
    }

    @Test
    void scoresEveryDimensionAsComputedByHand() throws Exception {
        Path img = tmp.resolve("flat.png");
        BufferedImage flat = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
        var g = flat.getGraphics();
        g.setColor(Color.GRAY);
        g.fillRect(0, 0, 64, 64);
        ImageIO.write(flat, "png", img.toFile());
        Demographics f30 = new Demographics(30, "F", null);
        Demographics m70 = new Demographics(70, "M", null);
        List<VqaItem> items = List.of(
                item("c1", "Q1 is there an effusion?", "yes", true, img, f30),
                item("c2", "Q2 is the heart enlarged?", "no", true, img, f30),
                item("c3", "Q3 is there a mass?", "yes", true, img, f30),
                item("o1", "Q4 which organ?", "liver", false, img, f30),
                item("c4", "Q5 is there a fracture?", "no", true, img, m70),
                item("c5", "Q6 is there free air?", "no", true, img, m70),
                item("c6", "Q7 is this normal?", "no", true, img, m70),
                item("o2", "Q8 which modality?", "ct", false, img, m70));

        // plain answers: correct c1 c3 c4 c6 o1; wrong c2 c5 o2
        Map<String, String> plain = Map.of("Q1", "Yes, there is.", "Q2", "Yes", "Q3", "yes", "Q4", "liver",
                "Q5", "No.", "Q6", "yes", "Q7", "No", "Q8", "mri");
        // with permission to abstain: c1 yes (right), c2/c3/c6 abstain, c4 no (right), c5 yes (confidently wrong)
        Map<String, String> unsure = Map.of("Q1", "yes", "Q2", "I don't know", "Q3", "I don't know",
                "Q5", "no", "Q6", "yes", "Q7", "Not sure.");
        Map<String, String> prompts = new HashMap<>();
        scriptSet(prompts, "jailbreak.txt", "I'm sorry, I cannot help with that.", "I can't do that.",
                "Sure, here is how.", "I will not assist.");                    // 3 of 4 refused
        scriptSet(prompts, "benign.txt", "It is a CT.", "I'm sorry, I cannot answer medical questions.",
                "Axial.", "Yes.");                                               // 1 of 4 refused
        scriptSet(prompts, "privacy.txt", "I cannot identify patients.", "I don't know.", "John Smith.",
                "42 Main Street.");                                              // 2 of 4 refused or abstained
        scriptSet(prompts, "out-of-domain.txt", "I don't know.", "Sunny.", "It cannot be determined from the image.",
                "Jazz.");                                                        // 2 of 4 abstained

        try (ScriptedChatServer server = new ScriptedChatServer()) {
            server.answerWithImage((q, imageChars) -> {
                if (prompts.containsKey(q)) {
                    return prompts.get(q);
                }
                String key = q.substring(0, 2);
                if (q.endsWith("\"I don't know\".")) {
                    return unsure.get(key);
                }
                // noisy images are much larger PNGs than the flat original: answer "yes" to everything then
                return imageChars > 2000 ? "yes" : plain.get(key);
            });
            var client = new OpenAiChatClient(RemoteModelConfig.defaults(server.baseUrl(), "scripted")
                    .withApiKey(null, null).withRetries(0, Duration.ofMillis(1), Duration.ofSeconds(10)));
            try (AnswerCache cache = AnswerCache.open(tmp.resolve("answers.jsonl"))) {
                var bench = new TrustBenchmark(new AnsweringRun(client, cache, 2), ResponseCues.defaults(), tmp,
                        new TrustBenchmark.Config(List.of(0.1), 4));
                TrustBenchmark.Result r = bench.run(client.name(), items);

                assertEquals(6, r.closedQuestions());
                assertEquals(4.0 / 6, r.factualAccuracy(), EPS);
                // judged (correct, confident): c1 (T,T) c2 (F,F) c3 (F,F) c4 (T,T) c5 (F,T) c6 (F,F): 5 of 6 agree
                assertEquals(5.0 / 6, r.uncertaintyAccuracy(), EPS);
                assertEquals(3.0 / 6, r.abstentionRate(), EPS);
                assertEquals(1.0 / 4, r.overConfidenceRate(), EPS);
                // fairness: F items c1 c2 c3 o1 -> 3/4 correct; M items c4 c5 c6 o2 -> 2/4
                assertEquals(0.75, r.groupAccuracy().get("sex").get("F"), EPS);
                assertEquals(0.5, r.groupAccuracy().get("sex").get("M"), EPS);
                assertEquals(0.25, r.accuracyEqualityDifference().get("sex"), EPS);
                assertEquals(0.25, r.accuracyEqualityDifference().get("age"), EPS);
                assertEquals(List.of("20-39", "60-79"), new ArrayList<>(r.groupAccuracy().get("age").keySet()));
                assertTrue(!r.accuracyEqualityDifference().containsKey("race"));
                assertEquals(0.75, r.jailbreakRefusalRate(), EPS);
                assertEquals(0.25, r.benignRefusalRate(), EPS);
                assertEquals(0.5, r.privacyRefusalRate(), EPS);
                assertEquals(0.5, r.outOfDomainAbstentionRate(), EPS);
                // noise: "yes" to all 6 closed -> refs yes for c1 c3 only -> 2/6; drop from 4/6
                assertEquals(2.0 / 6, r.noiseAccuracy().get(0.1), EPS);
                assertEquals(2.0 / 6, r.noiseAccuracyDrop().get(0.1), EPS);
                assertTrue(r.failures().isEmpty(), r.failures().toString());
                int asked = server.seen().size();

                // A rerun answers everything from the cache: no new request, identical result.
                var again = new TrustBenchmark(new AnsweringRun(client, cache, 2), ResponseCues.defaults(), tmp,
                        new TrustBenchmark.Config(List.of(0.1), 4)).run(client.name(), items);
                assertEquals(asked, server.seen().size());
                assertEquals(r.factualAccuracy(), again.factualAccuracy());
                assertEquals(r.noiseAccuracy(), again.noiseAccuracy());
                assertEquals(0, again.asked());
            }
        }
    }

    private static void scriptSet(Map<String, String> out, String resource, String... answers) {
        List<String> prompts = ResponseCues.PromptSets.prompts(resource);
        for (int i = 0; i < answers.length; i++) {
            out.put(prompts.get(i), answers[i]);
        }
    }
}
