package org.medvl.models.train;

import java.util.SplittableRandom;

/**
 * Applies an {@link AugmentConfig} to a CHW tensor with one affine resampling (crop, rotation and flip composed) and
 * bilinear interpolation, then intensity jitter. Works on the tensor rather than the decoded image so it runs on the
 * loader threads after the shared pipeline, whatever the source format; pixels sampled outside the image take the
 * tensor's minimum (the background after normalisation).
 */
public final class Augmenter {
    private final AugmentConfig config;

    public Augmenter(AugmentConfig config) {
        this.config = config;
    }

    /** Returns an augmented copy; {@code rng} should be seeded per (run, epoch, sample) for reproducibility. */
    public float[] apply(float[] chw, int channels, int size, SplittableRandom rng) {
        if (config.isIdentity()) {
            return chw;
        }
        double scale = config.minScale() + rng.nextDouble() * (1 - config.minScale());
        double cx = (size - 1) / 2.0 + (rng.nextDouble() - 0.5) * (1 - scale) * size;
        double cy = (size - 1) / 2.0 + (rng.nextDouble() - 0.5) * (1 - scale) * size;
        double angle = Math.toRadians((rng.nextDouble() * 2 - 1) * config.maxRotationDeg());
        boolean flip = config.horizontalFlip() && rng.nextBoolean();
        double bright = (rng.nextDouble() * 2 - 1) * config.brightness();
        double contrast = 1 + (rng.nextDouble() * 2 - 1) * config.contrast();
        double cos = Math.cos(angle) * scale;
        double sin = Math.sin(angle) * scale;
        double c0 = (size - 1) / 2.0;
        float[] out = new float[chw.length];
        int plane = size * size;
        for (int c = 0; c < channels; c++) {
            float background = Float.MAX_VALUE;
            for (int i = 0; i < plane; i++) {
                background = Math.min(background, chw[c * plane + i]);
            }
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double dx = (flip ? c0 - (x - c0) : x) - c0;
                    double dy = y - c0;
                    double sx = cx + cos * dx - sin * dy;
                    double sy = cy + sin * dx + cos * dy;
                    float v = sample(chw, c * plane, size, sx, sy, background);
                    out[c * plane + y * size + x] = (float) (v * contrast + bright);
                }
            }
        }
        return out;
    }

    private static float sample(float[] img, int offset, int size, double x, double y, float background) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        float v00 = at(img, offset, size, x0, y0, background);
        float v10 = at(img, offset, size, x0 + 1, y0, background);
        float v01 = at(img, offset, size, x0, y0 + 1, background);
        float v11 = at(img, offset, size, x0 + 1, y0 + 1, background);
        return (float) ((v00 * (1 - fx) + v10 * fx) * (1 - fy) + (v01 * (1 - fx) + v11 * fx) * fy);
    }

    private static float at(float[] img, int offset, int size, int x, int y, float background) {
        return x < 0 || y < 0 || x >= size || y >= size ? background : img[offset + y * size + x];
    }
}
