package org.medvl.server;

import io.javalin.Javalin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.server.batch.MicroBatcher;
import org.medvl.server.batch.ModelQueues;
import org.medvl.server.http.BearerAuth;
import org.medvl.server.http.Errors;
import org.medvl.server.http.ImageRoutes;
import org.medvl.server.http.JsonErrorHandler;
import org.medvl.server.http.ModelRoutes;
import org.medvl.server.http.OpsRoutes;
import org.medvl.server.http.Route;
import org.medvl.server.images.UploadStore;
import org.medvl.server.metrics.ServerMetrics;
import org.medvl.server.models.ModelSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The medvl workbench: a Javalin server with the web page, the JSON REST API, FHIR R4 output, health, readiness and
 * Prometheus metrics, in front of a {@link ModelSet}. Start with {@link #start}; {@link #close} stops it, fails waiting
 * requests, closes the models and deletes the uploads. Request log lines carry method, route template, status and
 * time only: never query strings, bodies or DICOM values.
 */
public final class Workbench implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("org.medvl.server");
    private final WorkbenchConfig config;
    private final ModelSet models;
    private final ServerMetrics metrics = new ServerMetrics();
    private final ModelQueues queues;
    private final UploadStore store;
    private final Path storeDir;
    private final boolean ownStoreDir;
    private final List<Route> routes = new ArrayList<>();
    private final Javalin app;
    private volatile boolean running;

    private Workbench(WorkbenchConfig config, ModelSet models) {
        this.config = config;
        this.models = models;
        this.ownStoreDir = config.storeDir() == null;
        this.storeDir = ownStoreDir ? tempDir() : config.storeDir();
        this.store = new UploadStore(storeDir, config.uploads());
        this.queues = new ModelQueues(models, config.batching(), metrics);
        for (MicroBatcher<?, ?> b : queues.all()) {
            metrics.queue(b.name(), b::depth);
        }
        metrics.gauge("medvl_uploads_stored", store::size);
        routes.addAll(new OpsRoutes(metrics, queues, () -> running).routes());
        routes.addAll(new ImageRoutes(store).routes());
        routes.addAll(new ModelRoutes(store, models, queues, config.modelTimeout(), config.token() != null).routes());
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.startupWatcherEnabled = false;
            c.http.maxRequestSize = config.uploads().maxBytes();
            c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            c.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new JsonErrorHandler()));
            c.requestLogger.http((ctx, ms) -> {
                String route = routeOf(ctx);
                metrics.request(ctx.method().name(), route, ctx.statusCode(), (long) (ms * 1e6));
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} {} {} {} ms", ctx.method(), route, ctx.statusCode(), Math.round(ms));
                }
            });
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; object-src 'none';"
                    + " frame-ancestors 'none'");
        });
        if (config.token() != null) {
            app.before(new BearerAuth(config.token()));
        }
        for (Route r : routes) {
            app.addHttpHandler(r.method(), r.path(), r.handler());
        }
        app.exception(Exception.class, Errors::handle);
        app.error(404, ctx -> replaceDefault(ctx, 404, "no such endpoint; see /openapi.json"));
        app.error(405, ctx -> replaceDefault(ctx, 405, "method not allowed on this path; see /openapi.json"));
    }

    /** Starts a workbench serving {@code models}; the caller owns the models' lifetime through {@link #close}. */
    public static Workbench start(WorkbenchConfig config, ModelSet models) {
        Workbench w = new Workbench(config, models);
        try {
            w.app.start(config.host(), config.port());
        } catch (RuntimeException e) {
            w.close();
            throw new MedvlException("cannot start the server on " + config.host() + ":" + config.port() + ": "
                    + rootMessage(e));
        }
        w.running = true;
        if (!config.loopbackOnly() && config.token() == null) {
            LOG.warn("serving on {} without a bearer token: anyone who can reach this address can use the models;"
                    + " pass --token-file", config.host());
        }
        return w;
    }

    public int port() {
        return app.port();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String h = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + h + ":" + port();
    }

    /** The routes the server answers: what /openapi.json must document. */
    public List<Route> routes() {
        return List.copyOf(routes);
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public ModelSet models() {
        return models;
    }

    @Override
    public void close() {
        running = false;
        try {
            app.stop();
        } finally {
            queues.close();
            models.close();
            store.close();
            if (ownStoreDir) {
                AtomicFiles.deleteTree(storeDir);
            }
        }
    }

    /** The matched route template; "unrouted" for requests refused before routing (401) or matching nothing. */
    private static String routeOf(io.javalin.http.Context ctx) {
        try {
            String route = ctx.endpointHandlerPath();
            return route == null || route.isEmpty() || route.equals("*") ? "unrouted" : route;
        } catch (IllegalStateException e) {
            return "unrouted";
        }
    }

    /** Javalin's own 404/405 answers are plain text; ours are JSON like every other error. */
    private static void replaceDefault(io.javalin.http.Context ctx, int status, String message) {
        String body = ctx.result();
        if (body == null || !body.startsWith("{")) {
            Errors.reply(ctx, status, message);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("medvl-workbench-");
        } catch (IOException e) {
            throw new MedvlException("cannot create a directory for uploads: " + e.getMessage());
        }
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
