package org.medvl.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.medvl.server.models.ModelSet;

/** A workbench on a free loopback port with a small HTTP client for tests. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    final Workbench server;
    final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;

    TestServer(WorkbenchConfig config, ModelSet models) {
        this.server = Workbench.start(config, models);
        this.base = URI.create(server.url());
    }

    static TestServer start(ModelSet models) {
        return new TestServer(WorkbenchConfig.local(0), models);
    }

    TestServer token(String t) {
        this.token = t;
        return this;
    }

    HttpResponse<byte[]> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<byte[]> get(String path) {
        return send("GET", path, null, null);
    }

    HttpResponse<byte[]> postJson(String path, String json) {
        return send("POST", path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads and returns the image description; fails unless the server answered 201. */
    JsonNode upload(byte[] bytes, String contentType) {
        HttpResponse<byte[]> r = send("POST", "/api/images", contentType, bytes);
        if (r.statusCode() != 201) {
            throw new AssertionError("upload answered " + r.statusCode() + ": " + text(r));
        }
        return json(r);
    }

    static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<byte[]> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + text(r));
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
