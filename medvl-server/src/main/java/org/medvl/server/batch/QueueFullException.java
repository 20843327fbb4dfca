package org.medvl.server.batch;

/** A model's queue is full: the caller should answer 503 and suggest retrying after {@link #retryAfterSeconds()}. */
public final class QueueFullException extends RuntimeException {
    private final int retryAfterSeconds;

    public QueueFullException(String model, int capacity, int retryAfterSeconds) {
        super("model '" + model + "' is busy: " + capacity + " requests already waiting; retry in "
                + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
