package org.medvl.models.train;

/**
 * Sets the PyTorch engine's thread counts; must run before the engine first starts. On small or shared machines one
 * intra-op thread is much faster than several: OpenMP threads spin at every barrier, and when the loader threads or
 * other processes hold the cores the spinning burns the time (measured: 10 MedPix steps took 166 s wall / 42 s CPU
 * with 2 threads and 18 s / 9 s with 1 on a loaded 2-core machine, same loss).
 */
public final class EngineThreads {
    private EngineThreads() {
    }

    public static void set(int intraOp) {
        if (intraOp < 1) {
            throw new IllegalArgumentException("engine threads must be at least 1");
        }
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(intraOp));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
}
