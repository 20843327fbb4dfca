package org.medvl.server;

import java.nio.file.Path;
import java.time.Duration;
import org.medvl.server.batch.BatchPolicy;
import org.medvl.server.images.UploadLimits;

/**
 * How a {@link Workbench} runs.
 *
 * @param host address to bind; loopback by default, so nothing outside the machine can reach the server
 * @param port TCP port; 0 picks a free one
 * @param token bearer token for the API and metrics, or null for none
 * @param uploads upload size, pixel-count and retention limits
 * @param batching micro-batching and queue bounds, per model
 * @param storeDir where de-identified uploads are kept; null: a fresh temporary directory, removed on stop
 * @param modelTimeout longest a request waits for its model before a 503
 */
public record WorkbenchConfig(String host, int port, String token, UploadLimits uploads, BatchPolicy batching,
        Path storeDir, Duration modelTimeout) {
    public static final String LOOPBACK = "127.0.0.1";

    public WorkbenchConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        host = host == null || host.isBlank() ? LOOPBACK : host.trim();
        token = token == null || token.isBlank() ? null : token.trim();
    }

    /** Loopback, the given port, no token, default limits. */
    public static WorkbenchConfig local(int port) {
        return new WorkbenchConfig(LOOPBACK, port, null, UploadLimits.DEFAULT, BatchPolicy.DEFAULT, null,
                Duration.ofSeconds(120));
    }

    public WorkbenchConfig withToken(String t) {
        return new WorkbenchConfig(host, port, t, uploads, batching, storeDir, modelTimeout);
    }

    public WorkbenchConfig withUploads(UploadLimits u) {
        return new WorkbenchConfig(host, port, token, u, batching, storeDir, modelTimeout);
    }

    public WorkbenchConfig withBatching(BatchPolicy b) {
        return new WorkbenchConfig(host, port, token, uploads, b, storeDir, modelTimeout);
    }

    public WorkbenchConfig withHost(String h) {
        return new WorkbenchConfig(h, port, token, uploads, batching, storeDir, modelTimeout);
    }

    public boolean loopbackOnly() {
        return host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }
}
