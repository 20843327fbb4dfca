package org.medvl.server.batch;

/**
 * How a {@link MicroBatcher} groups requests: a batch closes when it holds {@code maxBatch} requests or when the
 * oldest has waited {@code maxWaitMillis}, whichever comes first; at most {@code queueCapacity} requests wait.
 *
 * @param maxBatch largest batch handed to the model at once (1 disables batching)
 * @param maxWaitMillis longest a request waits for others to join its batch
 * @param queueCapacity requests that may wait; beyond it submissions are rejected (HTTP 503 with Retry-After)
 */
public record BatchPolicy(int maxBatch, long maxWaitMillis, int queueCapacity) {
    /** 8 requests or 10 ms, 64 waiting: small enough latency cost for one user, real batches under load. */
    public static final BatchPolicy DEFAULT = new BatchPolicy(8, 10, 64);

    public BatchPolicy {
        if (maxBatch < 1 || maxWaitMillis < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("batch size and queue capacity must be >= 1 and wait >= 0, got "
                    + maxBatch + ", " + queueCapacity + ", " + maxWaitMillis);
        }
    }
}
