package org.medvl.cli.demo.flow;

/**
 * What one demo run does. Stored in the run folder's marker, so that a re-run into the same folder can tell whether
 * it may reuse what is there (same settings) or must refuse (other settings).
 *
 * @param seed        seeds the synthetic data, every model's initialisation and data order, and the baselines
 * @param images      synthetic images to generate (ignored with {@code data})
 * @param size        generated image side in pixels (64..2048)
 * @param modelSize   image side the models see, in pixels
 * @param testFraction fraction of synthetic images held out for evaluation
 * @param clipEpochs  CLIP training epochs
 * @param reportEpochs report-model training epochs
 * @param vqaEpochs   VQA-model training epochs
 * @param evalLimit   at most this many held-out items per task are evaluated (0: all)
 * @param data        a real dataset spec {@code NAME:PATH} to use instead of synthetic data, or null
 * @param prevalence  synthetic finding prevalences as {@code NAME=P,...} over the generator's defaults; "" for those
 */
public record DemoSettings(long seed, int images, int size, int modelSize, double testFraction, int clipEpochs,
                           int reportEpochs, int vqaEpochs, int evalLimit, String data, String prevalence) {
    public DemoSettings {
        prevalence = prevalence == null ? "" : prevalence;
        if (images < 20 && data == null) {
            throw new IllegalArgumentException("--images must be at least 20, got " + images);
        }
        if (modelSize < 32 || modelSize > 512) {
            throw new IllegalArgumentException("model image size must be 32..512 pixels, got " + modelSize);
        }
        if (clipEpochs < 1 || reportEpochs < 1 || vqaEpochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1");
        }
    }

    /** The settings `medvl demo` uses unless told otherwise: tuned to train in minutes on 2 cores. */
    public static DemoSettings defaults() {
        return new DemoSettings(1, 1000, 128, 64, 0.2, 8, 8, 3, 0, null, "");
    }

    public DemoSettings withSeed(long s) {
        return new DemoSettings(s, images, size, modelSize, testFraction, clipEpochs, reportEpochs, vqaEpochs,
                evalLimit, data, prevalence);
    }

    public DemoSettings withImages(int n) {
        return new DemoSettings(seed, n, size, modelSize, testFraction, clipEpochs, reportEpochs, vqaEpochs,
                evalLimit, data, prevalence);
    }

    public DemoSettings withData(String spec) {
        return new DemoSettings(seed, images, size, modelSize, testFraction, clipEpochs, reportEpochs, vqaEpochs,
                evalLimit, spec, prevalence);
    }

    public DemoSettings withEpochs(int clip, int report, int vqa) {
        return new DemoSettings(seed, images, size, modelSize, testFraction, clip, report, vqa, evalLimit, data,
                prevalence);
    }

    public boolean synthetic() {
        return data == null;
    }
}
