package org.medvl.eval.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A loopback HTTP server that speaks the OpenAI chat-completions protocol with scripted behaviour: queued faults
 * (429, 500, malformed bodies, slow answers) are served first, then every request is answered by a function of the
 * user's question text.
 */
public final class ScriptedChatServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One scripted reaction to a request. */
    public record Fault(int status, String body, long delayMillis, String retryAfter) {
        static Fault status(int code) {
            return new Fault(code, "{\"error\":{\"message\":\"scripted " + code + "\"}}", 0, null);
        }

        static Fault rateLimited(String retryAfter) {
            return new Fault(429, "{\"error\":{\"message\":\"slow down\"}}", 0, retryAfter);
        }

        static Fault malformed() {
            return new Fault(200, "{\"choices\": [ this is not json", 0, null);
        }

        static Fault noContent() {
            return new Fault(200, "{\"choices\": []}", 0, null);
        }

        static Fault slow(long millis) {
            return new Fault(-1, null, millis, null);
        }
    }

    /** What the server saw. */
    public record Seen(String question, String model, String authorization, int images, String systemPrompt) {
    }

    private final HttpServer server;
    private final Deque<Fault> faults = new ArrayDeque<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile BiFunction<String, Integer, String> answers = (q, imageChars) -> "yes";

    public ScriptedChatServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public synchronized void enqueue(Fault... f) {
        faults.addAll(List.of(f));
    }

    public void answerWith(Function<String, String> fn) {
        this.answers = (q, imageChars) -> fn.apply(q);
    }

    /** Answers by question text and the total length of the image data URLs sent with it. */
    public void answerWithImage(BiFunction<String, Integer, String> fn) {
        this.answers = fn;
    }

    public List<Seen> seen() {
        return seen;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            JsonNode req = JSON.readTree(ex.getRequestBody());
            String question = "";
            String system = null;
            int images = 0;
            int imageChars = 0;
            for (JsonNode m : req.path("messages")) {
                if ("system".equals(m.path("role").asText())) {
                    system = m.path("content").asText();
                }
                if ("user".equals(m.path("role").asText())) {
                    for (JsonNode part : m.path("content")) {
                        if ("text".equals(part.path("type").asText())) {
                            question = part.path("text").asText();
                        } else if (part.path("image_url").path("url").asText().startsWith("data:image/")) {
                            images++;
                            imageChars += part.path("image_url").path("url").asText().length();
                        }
                    }
                }
            }
            seen.add(new Seen(question, req.path("model").asText(), ex.getRequestHeaders().getFirst("Authorization"),
                    images, system));
            Fault f;
            synchronized (this) {
                f = faults.pollFirst();
            }
            if (f != null && f.delayMillis() > 0) {
                try {
                    Thread.sleep(f.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (f != null && f.status() > 0) {
                if (f.retryAfter() != null) {
                    ex.getResponseHeaders().add("Retry-After", f.retryAfter());
                }
                send(ex, f.status(), f.body());
                return;
            }
            var body = JSON.createObjectNode();
            body.put("id", "chatcmpl-test").put("object", "chat.completion").put("model", req.path("model").asText());
            var choice = body.putArray("choices").addObject();
            choice.put("index", 0).put("finish_reason", "stop");
            choice.putObject("message").put("role", "assistant").put("content", answers.apply(question, imageChars));
            send(ex, 200, body.toString());
        } catch (IOException e) {
            // client went away (time-out test): nothing to answer
        }
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
