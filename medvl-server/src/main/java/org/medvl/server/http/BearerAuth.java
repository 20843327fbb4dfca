package org.medvl.server.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.medvl.server.ApiException;

/**
 * Optional bearer-token check for the API and metrics (the page itself, health, readiness and the OpenAPI document
 * stay open, so a load balancer and a browser can reach them). Compares in constant time.
 */
public final class BearerAuth implements Handler {
    private final byte[] token;

    public BearerAuth(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("empty token");
        }
        this.token = token.trim().getBytes(StandardCharsets.UTF_8);
    }

    /** Whether a path needs the token. */
    public static boolean protects(String path) {
        return path.startsWith("/api/") || path.equals("/metrics");
    }

    @Override
    public void handle(Context ctx) {
        if (!protects(ctx.path())) {
            return;
        }
        String h = ctx.header("Authorization");
        byte[] given = h != null && h.regionMatches(true, 0, "Bearer ", 0, 7)
                ? h.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
        if (!MessageDigest.isEqual(given, token)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"medvl\"");
            throw new ApiException(401, "missing or wrong bearer token (send Authorization: Bearer <token>)");
        }
    }
}
