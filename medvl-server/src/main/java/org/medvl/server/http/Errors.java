package org.medvl.server.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.medvl.core.MedvlException;
import org.medvl.server.ApiException;
import org.medvl.server.batch.QueueFullException;
import org.medvl.server.images.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON answer {@code {"status": N, "error": "..."}}: the client's mistakes are 4xx with a
 * line saying what to change, a full queue is 503 with Retry-After, and only the server's own faults are 500, logged
 * by exception class and location (never with request data).
 */
public final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger("org.medvl.server");

    private Errors() {
    }

    /** Maps a failure from a model call to what the handler should throw. */
    public static RuntimeException unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof java.util.concurrent.ExecutionException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof ApiException || t instanceof QueueFullException) {
            return (RuntimeException) t;
        }
        if (t instanceof CancellationException) {
            return new ApiException(503, "the server is shutting down; retry later");
        }
        if (t instanceof MedvlException) {
            // the api contract: model failures a user can act on (unreadable image, bad option) are MedvlException
            return new ApiException(422, Messages.oneLine(t.getMessage()));
        }
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }

    /** The exception mapper for everything a handler throws. */
    public static void handle(Exception e, Context ctx) {
        RuntimeException r = unwrap(e);
        if (r instanceof ApiException a) {
            reply(ctx, a.status(), a.getMessage());
        } else if (r instanceof QueueFullException q) {
            ctx.header("Retry-After", Integer.toString(q.retryAfterSeconds()));
            reply(ctx, 503, q.getMessage());
        } else if (r instanceof HttpResponseException h) {
            reply(ctx, h.getStatus(), Messages.oneLine(h.getMessage()));
        } else {
            StackTraceElement at = r.getStackTrace().length > 0 ? r.getStackTrace()[0] : null;
            LOG.error("internal error {} at {} on {} {}", r.getClass().getName(), at, ctx.method(), route(ctx));
            reply(ctx, 500, "internal server error (" + r.getClass().getSimpleName() + "); see the server log");
        }
    }

    private static String route(Context ctx) {
        try {
            return ctx.endpointHandlerPath();
        } catch (IllegalStateException e) {
            return "(before routing)";
        }
    }

    public static void reply(Context ctx, int status, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", status);
        m.put("error", message);
        Json.reply(ctx, status, m);
    }
}
