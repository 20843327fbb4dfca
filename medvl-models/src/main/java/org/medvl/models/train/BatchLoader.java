package org.medvl.models.train;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medvl.core.MedvlException;

/**
 * Decodes and augments image batches on worker threads, several batches ahead of the training step, so the model
 * rather than the loader sets the pace. Batches come back in order and each sample's augmentation is drawn from a
 * seed of (run seed, epoch, sample index), so the result does not depend on thread timing.
 */
public final class BatchLoader implements AutoCloseable {
    /** One batch: the example indices and their tensors concatenated (count, C, H, W). */
    public record Batch(int[] indices, float[] images) {
    }

    private final List<Path> images;
    private final ImageTensors tensors;
    private final Augmenter augmenter;
    private final long seed;
    private final int prefetch;
    private final ExecutorService pool;

    /**
     * @param augmenter null for no augmentation (evaluation)
     * @param workers   decoding threads
     */
    public BatchLoader(List<Path> images, ImageTensors tensors, Augmenter augmenter, long seed, int workers) {
        this.images = List.copyOf(images);
        this.tensors = tensors;
        this.augmenter = augmenter;
        this.seed = seed;
        int n = Math.max(1, workers);
        this.prefetch = 2 * n;
        this.pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "medvl-loader");
            t.setDaemon(true);
            return t;
        });
    }

    /** Batches of {@code order} (example indices) from batch number {@code fromBatch} on; the last may be short. */
    public Iterator<Batch> batches(int epoch, int[] order, int batchSize, int fromBatch, boolean dropLast) {
        int total = dropLast ? order.length / batchSize : (order.length + batchSize - 1) / batchSize;
        return new Iterator<>() {
            private final ArrayDeque<Future<Batch>> queue = new ArrayDeque<>();
            private int next = fromBatch;

            private void fill() {
                while (queue.size() < prefetch && next < total) {
                    int from = next * batchSize;
                    int to = Math.min(order.length, from + batchSize);
                    int[] idx = java.util.Arrays.copyOfRange(order, from, to);
                    queue.add(pool.submit(() -> build(epoch, idx)));
                    next++;
                }
            }

            @Override
            public boolean hasNext() {
                fill();
                return !queue.isEmpty();
            }

            @Override
            public Batch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    Batch b = queue.poll().get();
                    fill();
                    return b;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new MedvlException("interrupted while loading images", e);
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof RuntimeException re) {
                        throw re;
                    }
                    throw new MedvlException("loading images failed: " + c.getMessage(), c);
                }
            }
        };
    }

    private Batch build(int epoch, int[] idx) {
        int per = tensors.channels() * tensors.size() * tensors.size();
        float[] out = new float[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            float[] t = tensors.load(images.get(idx[i]));
            requireFinite(t, images.get(idx[i]));
            if (augmenter != null) {
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, epoch, idx[i]));
                t = augmenter.apply(t, tensors.channels(), tensors.size(), rng);
            }
            System.arraycopy(t, 0, out, i * per, per);
        }
        return new Batch(idx, out);
    }

    /** A NaN or infinity in an input would silently wreck training: stop with the image's name instead. */
    private static void requireFinite(float[] t, Path image) {
        for (float v : t) {
            if (!Float.isFinite(v)) {
                throw new MedvlException("image " + image + " decoded to a tensor with " + v + " values");
            }
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
