package org.medvl.eval;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.eval.vqa.VqaBenchmark;
import org.medvl.models.remote.OpenAiChatClient;
import org.medvl.models.remote.RemoteModelConfig;

/** A benchmark run in its own JVM, so a test can kill it with SIGKILL part-way. Args: baseUrl cacheFile image n. */
public final class ResumeChild {
    private ResumeChild() {
    }

    static List<VqaItem> items(Path image, int n) {
        List<VqaItem> items = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            items.add(new VqaItem("q" + k, ImageRef.of("img", image.toString()), "Is finding " + k + " present?",
                    k % 2 == 0 ? "yes" : "no", AnswerType.CLOSED, "PRES", Split.TEST, "en", List.of(), null));
        }
        return items;
    }

    static OpenAiChatClient client(URI base) {
        return new OpenAiChatClient(RemoteModelConfig.defaults(base, "scripted").withApiKey(null, null)
                .withRetries(0, Duration.ofMillis(1), Duration.ofSeconds(20)).withConcurrency(4));
    }

    public static void main(String[] args) {
        System.setProperty("medvl.quiet", "true");
        var client = client(URI.create(args[0]));
        try (AnswerCache cache = AnswerCache.open(Path.of(args[1]))) {
            VqaBenchmark.run(new AnsweringRun(client, cache, 4), client.name(),
                    items(Path.of(args[2]), Integer.parseInt(args[3])));
        }
    }
}
