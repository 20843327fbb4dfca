package org.medvl.server.batch;

/** Observes a {@link MicroBatcher} (the server feeds its Prometheus metrics from it). Must be cheap and thread-safe. */
public interface BatchListener {
    /** A batch of {@code size} requests ran for {@code nanos}. */
    void batchDone(String model, int size, long nanos);

    /** A request was turned away because the queue was full. */
    void rejected(String model);

    BatchListener NONE = new BatchListener() {
        @Override
        public void batchDone(String model, int size, long nanos) {
        }

        @Override
        public void rejected(String model) {
        }
    };
}
