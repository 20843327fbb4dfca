package org.medvl.server.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.medvl.server.ApiException;
import org.medvl.server.batch.MicroBatcher;
import org.medvl.server.batch.ModelQueues;
import org.medvl.server.metrics.ServerMetrics;

/**
 * The page and its assets, the OpenAPI document, liveness ({@code /health}), readiness ({@code /ready}: 503 while
 * starting, stopping or with a full model queue) and Prometheus metrics. Assets are a fixed list read from the
 * classpath once: no file-system path is ever built from a request.
 */
public final class OpsRoutes {
    private static final String BASE = "/org/medvl/server/web/";
    private static final Map<String, String> ASSETS = Map.of("app.js", "text/javascript; charset=utf-8",
            "app.css", "text/css; charset=utf-8");
    private final Map<String, byte[]> assets = new LinkedHashMap<>();
    private final byte[] page;
    private final byte[] openapi;
    private final ServerMetrics metrics;
    private final ModelQueues queues;
    private final BooleanSupplier running;

    public OpsRoutes(ServerMetrics metrics, ModelQueues queues, BooleanSupplier running) {
        this.metrics = metrics;
        this.queues = queues;
        this.running = running;
        this.page = resource(BASE + "index.html");
        this.openapi = resource("/org/medvl/server/openapi.json");
        ASSETS.keySet().forEach(a -> assets.put(a, resource(BASE + a)));
    }

    public List<Route> routes() {
        return List.of(new Route(HandlerType.GET, "/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page)),
                new Route(HandlerType.GET, "/static/{asset}", this::asset),
                new Route(HandlerType.GET, "/openapi.json", ctx -> ctx.contentType("application/json").result(openapi)),
                new Route(HandlerType.GET, "/health", ctx -> Json.reply(ctx, 200, Map.of("status", "up"))),
                new Route(HandlerType.GET, "/ready", this::ready),
                new Route(HandlerType.GET, "/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(metrics.scrape())));
    }

    private void asset(Context ctx) {
        String name = ctx.pathParam("asset");
        byte[] b = assets.get(name);
        if (b == null) {
            throw ApiException.notFound("no asset " + (name.length() > 40 ? name.substring(0, 40) + "..." : name));
        }
        ctx.header("Cache-Control", "no-cache").contentType(ASSETS.get(name)).result(b);
    }

    private void ready(Context ctx) {
        Map<String, Object> queuesOut = new LinkedHashMap<>();
        for (MicroBatcher<?, ?> b : queues.all()) {
            queuesOut.put(b.name(), Map.of("depth", b.depth(), "capacity", b.capacity()));
        }
        boolean ready = running.getAsBoolean() && !queues.saturated();
        if (!ready) {
            ctx.header("Retry-After", "1");
        }
        Json.reply(ctx, ready ? 200 : 503, Map.of("ready", ready, "queues", queuesOut));
    }

    /** The bytes of a classpath resource that ships with the server. */
    public static byte[] resource(String path) {
        try (InputStream in = OpsRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " (a packaging error)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
