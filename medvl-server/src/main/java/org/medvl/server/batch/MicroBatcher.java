package org.medvl.server.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Collects concurrent requests for one model into batches (up to {@link BatchPolicy#maxBatch()} requests or
 * {@link BatchPolicy#maxWaitMillis()} ms after the first) and runs each batch on one worker thread, so the model sees
 * one caller at a time and batch-capable models amortise their fixed cost. The queue is bounded: a full queue rejects
 * at once with {@link QueueFullException} rather than letting latency and memory grow without limit.
 *
 * <p>If a batch fails, its requests are retried one by one, so one bad input fails only its own request.
 *
 * @param <I> request type
 * @param <O> result type
 */
public final class MicroBatcher<I, O> implements AutoCloseable {
    private final String name;
    private final Function<List<I>, List<O>> model;
    private final BatchPolicy policy;
    private final BatchListener listener;
    private final BlockingQueue<Pending<I, O>> queue;
    private final Thread worker;
    private volatile boolean closed;
    /** Exponential moving average of the time per batch, for Retry-After. */
    private volatile double avgBatchNanos = 50e6;

    private record Pending<I, O>(I input, CompletableFuture<O> result, long enqueuedNanos) {
    }

    /**
     * @param name model name for messages and metrics
     * @param model runs one batch: returns one result per input, in order
     */
    public MicroBatcher(String name, Function<List<I>, List<O>> model, BatchPolicy policy, BatchListener listener) {
        this.name = name;
        this.model = model;
        this.policy = policy;
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(policy.queueCapacity());
        this.worker = new Thread(this::run, "medvl-batch-" + name);
        worker.setDaemon(true);
        worker.start();
    }

    /** A batcher for a model with no batch entry point: the batch runs its inputs one after another. */
    public static <I, O> MicroBatcher<I, O> perItem(String name, Function<I, O> single, BatchPolicy policy,
            BatchListener listener) {
        return new MicroBatcher<>(name, in -> in.stream().map(single).toList(), policy, listener);
    }

    public String name() {
        return name;
    }

    /** Queues a request; rejects at once when the queue is full or the batcher is closed. */
    public CompletableFuture<O> submit(I input) {
        if (closed) {
            throw new QueueFullException(name, policy.queueCapacity(), 5);
        }
        Pending<I, O> p = new Pending<>(input, new CompletableFuture<>(), System.nanoTime());
        if (!queue.offer(p)) {
            listener.rejected(name);
            throw new QueueFullException(name, policy.queueCapacity(), retryAfterSeconds());
        }
        return p.result();
    }

    /** Requests waiting (not counting the batch running now). */
    public int depth() {
        return queue.size();
    }

    public int capacity() {
        return policy.queueCapacity();
    }

    /** Seconds until a full queue has likely drained, at least 1. */
    int retryAfterSeconds() {
        double batches = Math.ceil((double) queue.size() / policy.maxBatch()) + 1;
        return (int) Math.max(1, Math.min(60, Math.ceil(batches * avgBatchNanos / 1e9)));
    }

    private void run() {
        List<Pending<I, O>> batch = new ArrayList<>(policy.maxBatch());
        while (!closed) {
            try {
                Pending<I, O> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                long deadline = first.enqueuedNanos() + TimeUnit.MILLISECONDS.toNanos(policy.maxWaitMillis());
                while (batch.size() < policy.maxBatch()) {
                    long left = deadline - System.nanoTime();
                    Pending<I, O> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
                    if (next == null) {
                        break;
                    }
                    batch.add(next);
                }
                execute(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        failAll(new CancellationException("server is shutting down"));
    }

    private void execute(List<Pending<I, O>> batch) {
        long t0 = System.nanoTime();
        try {
            List<O> out = model.apply(batch.stream().map(Pending::input).toList());
            if (out.size() != batch.size()) {
                throw new IllegalStateException("model '" + name + "' returned " + out.size() + " results for "
                        + batch.size() + " inputs");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(out.get(i));
            }
        } catch (RuntimeException | Error e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
            } else {
                for (Pending<I, O> p : batch) { // isolate the failing input
                    execute(new ArrayList<>(List.of(p)));
                }
                return;
            }
        }
        long dt = System.nanoTime() - t0;
        avgBatchNanos = 0.8 * avgBatchNanos + 0.2 * dt;
        listener.batchDone(name, batch.size(), dt);
    }

    private void failAll(RuntimeException e) {
        Pending<I, O> p;
        while ((p = queue.poll()) != null) {
            p.result().completeExceptionally(e);
        }
    }

    /** Stops the worker after the running batch; waiting requests fail with a cancellation. */
    @Override
    public void close() {
        closed = true;
        worker.interrupt();
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(new CancellationException("server is shutting down"));
    }
}
