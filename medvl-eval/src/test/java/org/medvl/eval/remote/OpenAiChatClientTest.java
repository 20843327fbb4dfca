package org.medvl.eval.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.eval.remote.ScriptedChatServer.Fault;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.remote.OpenAiChatClient;
import org.medvl.models.remote.RemoteCallException;
import org.medvl.models.remote.RemoteModelConfig;

class OpenAiChatClientTest {
    @TempDir
    Path tmp;
    ScriptedChatServer server;
    final List<Duration> sleeps = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedChatServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    OpenAiChatClient client(int retries, Duration timeout) {
        RemoteModelConfig cfg = RemoteModelConfig.defaults(server.baseUrl(), "test-vlm")
                .withRetries(retries, Duration.ofMillis(100), timeout).withApiKey(null, null);
        return new OpenAiChatClient(cfg, sleeps::add);
    }

    Path png() throws Exception {
        Path p = tmp.resolve("img.png");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", p.toFile());
        return p;
    }

    @Test
    void sendsQuestionWithImageAsDataUrlAndReturnsContent() throws Exception {
        server.answerWith(q -> q.contains("effusion") ? "no" : "yes");
        var c = client(0, Duration.ofSeconds(5));
        var a = c.answer(VisualQuestion.of("q1", png(), "Is there a pleural effusion?"));
        assertEquals("no", a.text());
        assertTrue(Double.isNaN(a.probability()));
        var s = server.seen().get(0);
        assertEquals("test-vlm", s.model());
        assertEquals(1, s.images());
        assertEquals("Is there a pleural effusion?", s.question());
    }

    @Test
    void retriesRateLimitHonouringRetryAfter() {
        server.enqueue(Fault.rateLimited("2"), Fault.rateLimited("0"));
        var c = client(3, Duration.ofSeconds(5));
        assertEquals("yes", c.complete("hello", List.of()));
        assertEquals(3, c.requestCount());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(0)), sleeps);
    }

    @Test
    void retriesServerErrorsAndMalformedBodiesWithExponentialBackoff() {
        server.enqueue(Fault.status(500), Fault.malformed(), Fault.noContent());
        var c = client(3, Duration.ofSeconds(5));
        assertEquals("yes", c.complete("hello", List.of()));
        assertEquals(4, c.requestCount());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), sleeps);
    }

    @Test
    void retriesTimeouts() {
        server.enqueue(Fault.slow(1500));
        var c = client(2, Duration.ofMillis(300));
        assertEquals("yes", c.complete("hello", List.of()));
        assertEquals(2, c.requestCount());
    }

    @Test
    void givesUpAfterRetriesWithAClearError() {
        server.enqueue(Fault.status(503), Fault.status(503), Fault.status(503));
        var c = client(2, Duration.ofSeconds(5));
        var e = assertThrows(RemoteCallException.class, () -> c.complete("hello", List.of()));
        assertEquals(RemoteCallException.Kind.SERVER_ERROR, e.kind());
        assertTrue(e.getMessage().contains("503") && e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertEquals(3, c.requestCount());
    }

    @Test
    void clientErrorsAreNotRetried() {
        server.enqueue(Fault.status(400));
        var c = client(3, Duration.ofSeconds(5));
        var e = assertThrows(RemoteCallException.class, () -> c.complete("hello", List.of()));
        assertEquals(RemoteCallException.Kind.CLIENT_ERROR, e.kind());
        assertEquals(1, c.requestCount());
    }

    @Test
    void connectionRefusedIsReported() {
        server.close();
        var c = client(1, Duration.ofSeconds(2));
        var e = assertThrows(RemoteCallException.class, () -> c.complete("hello", List.of()));
        assertEquals(RemoteCallException.Kind.CONNECTION, e.kind());
    }

    @Test
    void apiKeyFromFileIsSentButNeverShown() throws Exception {
        Path key = tmp.resolve("key.txt");
        Files.writeString(key, "sk-secret-123\n");
        server.enqueue(Fault.status(401));
        RemoteModelConfig cfg = RemoteModelConfig.defaults(server.baseUrl(), "m").withApiKey(null, key)
                .withSystemPrompt("You are a radiologist.");
        var c = new OpenAiChatClient(cfg, sleeps::add);
        var e = assertThrows(RemoteCallException.class, () -> c.complete("hi", List.of()));
        assertEquals("Bearer sk-secret-123", server.seen().get(0).authorization());
        assertEquals("You are a radiologist.", server.seen().get(0).systemPrompt());
        assertFalse(e.getMessage().contains("sk-secret"), e.getMessage());
        assertFalse(c.toString().contains("sk-secret"));
    }

    @Test
    void multipleChoiceOptionsAreLettered() {
        server.answerWith(q -> q);
        var c = client(0, Duration.ofSeconds(5));
        String text = c.answer(new VisualQuestion("q", null, "Which organ?", List.of("liver", "lung"))).text();
        assertTrue(text.contains("A. liver\nB. lung"), text);
    }
}
