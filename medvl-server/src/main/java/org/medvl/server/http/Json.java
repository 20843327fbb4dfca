package org.medvl.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.medvl.server.ApiException;

/** Reads request bodies under a size cap and writes JSON answers. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /** JSON request bodies are questions and label lists: 64 KiB is plenty. */
    public static final int MAX_JSON_BYTES = 64 * 1024;

    private Json() {
    }

    /** Writes {@code value} as the JSON answer with {@code status}. */
    public static void reply(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType("application/json").result(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The request body, at most {@code max} bytes: a declared Content-Length beyond it is refused before reading, and
     * a body (chunked or lying about its length) is cut off as soon as it passes the cap.
     */
    public static byte[] body(Context ctx, long max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw new ApiException(413, "request body of " + declared + " bytes exceeds the limit of " + max);
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16L, max + 1));
            if (b.length > max) {
                throw new ApiException(413, "request body exceeds the limit of " + max + " bytes");
            }
            return b;
        } catch (IOException e) {
            throw ApiException.badRequest("could not read the request body (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The JSON object in the body; an empty body gives an empty object. Requires Content-Type application/json. */
    public static JsonNode object(Context ctx) {
        byte[] b = body(ctx, MAX_JSON_BYTES);
        if (b.length == 0) {
            return MAPPER.createObjectNode();
        }
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw new ApiException(415, "send the request body as application/json");
        }
        JsonNode n;
        try {
            n = MAPPER.readTree(b);
        } catch (IOException e) {
            throw ApiException.badRequest("invalid JSON: " + firstLine(e.getMessage()));
        }
        if (n == null || !n.isObject()) {
            throw ApiException.badRequest("the JSON body must be an object, e.g. {\"question\": \"...\"}");
        }
        return n;
    }

    private static String firstLine(String m) {
        String s = m == null ? "" : m.lines().findFirst().orElse("");
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
