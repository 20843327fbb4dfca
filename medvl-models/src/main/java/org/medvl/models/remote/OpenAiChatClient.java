package org.medvl.models.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;

/**
 * A client for OpenAI-compatible chat-completions servers (vLLM, Ollama, llama.cpp server, hosted APIs). Images travel
 * as base64 data URLs in {@code image_url} content parts, the format these servers share. Time-outs, 429s, 5xx and
 * malformed bodies are retried with exponential backoff (a Retry-After header wins); at most
 * {@link RemoteModelConfig#concurrency()} requests are in flight. The API key is never logged or put in messages.
 */
public final class OpenAiChatClient implements QuestionAnswerer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(60);

    private final RemoteModelConfig config;
    private final Optional<ApiKey> apiKey;
    private final HttpClient http;
    private final Semaphore inFlight;
    private final URI endpoint;
    private final AtomicLong requests = new AtomicLong();
    private final Sleeper sleeper;

    /** Waits between retries; replaceable in tests so they need not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    public OpenAiChatClient(RemoteModelConfig config) {
        this(config, d -> Thread.sleep(d.toMillis()));
    }

    public OpenAiChatClient(RemoteModelConfig config, Sleeper sleeper) {
        this.config = config;
        this.apiKey = ApiKey.resolve(config.apiKeyEnv(), config.apiKeyFile());
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1)
                .build();
        this.inFlight = new Semaphore(config.concurrency(), true);
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
        this.sleeper = sleeper;
    }

    @Override
    public String name() {
        return "remote:" + config.model();
    }

    /** Requests sent so far, retries included. */
    public long requestCount() {
        return requests.get();
    }

    @Override
    public ModelAnswer answer(VisualQuestion q) {
        List<byte[]> images = q.image() == null ? List.of() : List.of(ImagePayload.read(q.image()));
        return ModelAnswer.text(complete(PromptFormat.question(q), images));
    }

    /** Sends one user turn (text plus images) and returns the assistant's text. */
    public String complete(String userText, List<byte[]> images) {
        String body = requestBody(userText, images);
        RemoteCallException last = null;
        for (int attempt = 0; attempt <= config.maxRetries(); attempt++) {
            try {
                return send(body);
            } catch (RemoteRetry r) {
                last = r.cause;
                if (!last.retryable() || attempt == config.maxRetries()) {
                    break;
                }
                Duration wait = r.retryAfter != null ? r.retryAfter : backoff(attempt);
                try {
                    sleeper.sleep(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MedvlException("interrupted while waiting to retry " + endpoint);
                }
            }
        }
        int tries = last != null && !last.retryable() ? 1 : config.maxRetries() + 1;
        throw new RemoteCallException(last.kind(), last.getMessage() + " (after " + tries + " attempt"
                + (tries == 1 ? "" : "s") + ")");
    }

    private Duration backoff(int attempt) {
        long ms = config.initialBackoff().toMillis() << Math.min(attempt, 16);
        return Duration.ofMillis(Math.min(ms, MAX_BACKOFF.toMillis()));
    }

    private String send(String body) throws RemoteRetry {
        HttpRequest.Builder rb = HttpRequest.newBuilder(endpoint).timeout(config.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        apiKey.ifPresent(k -> rb.header("Authorization", k.bearer()));
        HttpResponse<String> resp;
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MedvlException("interrupted before calling " + endpoint);
        }
        try {
            requests.incrementAndGet();
            resp = http.send(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw retry(RemoteCallException.Kind.TIMEOUT, "no answer from " + endpoint + " within "
                    + config.timeout().toMillis() + " ms", null);
        } catch (IOException e) {
            throw retry(RemoteCallException.Kind.CONNECTION, "cannot reach " + endpoint + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MedvlException("interrupted while calling " + endpoint);
        } finally {
            inFlight.release();
        }
        int status = resp.statusCode();
        if (status == 429) {
            throw retry(RemoteCallException.Kind.RATE_LIMITED, endpoint + " answered 429 Too Many Requests",
                    retryAfter(resp));
        }
        if (status >= 500) {
            throw retry(RemoteCallException.Kind.SERVER_ERROR, endpoint + " answered " + status + ": "
                    + snippet(resp.body()), retryAfter(resp));
        }
        if (status >= 400 || status < 200 || status >= 300) {
            throw retry(RemoteCallException.Kind.CLIENT_ERROR, endpoint + " answered " + status + ": "
                    + snippet(resp.body()), null);
        }
        return parseContent(resp.body());
    }

    private String parseContent(String body) throws RemoteRetry {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw retry(RemoteCallException.Kind.MALFORMED_RESPONSE, endpoint + " sent a body that is not JSON: "
                    + snippet(body), null);
        }
        JsonNode content = root == null ? null : root.path("choices").path(0).path("message").path("content");
        if (content == null || content.isMissingNode() || content.isNull()) {
            throw retry(RemoteCallException.Kind.MALFORMED_RESPONSE, endpoint
                    + " sent no choices[0].message.content: " + snippet(body), null);
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (content.isArray()) { // content parts, as some servers answer
            StringBuilder sb = new StringBuilder();
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    sb.append(part.path("text").asText());
                }
            }
            return sb.toString();
        }
        throw retry(RemoteCallException.Kind.MALFORMED_RESPONSE, endpoint + " sent a non-text message content", null);
    }

    String requestBody(String userText, List<byte[]> images) {
        ObjectNode req = JSON.createObjectNode();
        req.put("model", config.model());
        req.put("temperature", config.temperature());
        req.put("max_tokens", config.maxTokens());
        ArrayNode messages = req.putArray("messages");
        if (config.systemPrompt() != null && !config.systemPrompt().isBlank()) {
            messages.addObject().put("role", "system").put("content", config.systemPrompt());
        }
        ObjectNode user = messages.addObject().put("role", "user");
        ArrayNode parts = user.putArray("content");
        parts.addObject().put("type", "text").put("text", userText);
        for (byte[] img : images) {
            parts.addObject().put("type", "image_url").putObject("image_url").put("url", ImagePayload.dataUrl(img));
        }
        return req.toString();
    }

    private static Duration retryAfter(HttpResponse<?> resp) {
        return resp.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // HTTP-date form: fall back to our own backoff
            }
        }).orElse(null);
    }

    private static String snippet(String body) {
        if (body == null) {
            return "(empty)";
        }
        String s = body.replaceAll("\\s+", " ").trim();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    private static RemoteRetry retry(RemoteCallException.Kind kind, String message, Duration retryAfter) {
        return new RemoteRetry(new RemoteCallException(kind, message), retryAfter);
    }

    /** Internal signal carrying one failed attempt and the server's requested delay. */
    private static final class RemoteRetry extends Exception {
        final transient RemoteCallException cause;
        final transient Duration retryAfter;

        RemoteRetry(RemoteCallException cause, Duration retryAfter) {
            super(cause.getMessage(), null, false, false);
            this.cause = cause;
            this.retryAfter = retryAfter;
        }
    }

    @Override
    public String toString() {
        return "OpenAiChatClient[" + endpoint + ", model=" + config.model() + "]";
    }

    static List<String> optionLetters(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(String.valueOf((char) ('A' + i)));
        }
        return out;
    }
}
