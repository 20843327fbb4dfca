package org.medvl.synth;

import java.util.SplittableRandom;

/**
 * Turns density into a processed radiograph: exponential attenuation (Beer-Lambert), the detector's display gamma, the
 * anode heel gradient, a slight blur for the focal spot, and signal-dependent quantum noise plus correlated grain.
 */
final class Detector {
    private static final int LUT = 2048;
    private static final double MAX_DENSITY = 4;

    private Detector() {
    }

    /** Attenuation then display gamma, tabulated over density 0..4 (a table keeps the per-pixel cost low). */
    private static double[] toneCurve(Anatomy a) {
        double[] c = new double[LUT];
        double top = 1 - StrictMath.exp(-a.mu() * 1.55);
        for (int k = 0; k < LUT; k++) {
            double s = (1 - StrictMath.exp(-a.mu() * k * MAX_DENSITY / (LUT - 1))) / top;
            c[k] = s <= 0 ? 0 : StrictMath.pow(Math.min(1, s), a.gamma() * 1.5);
        }
        return c;
    }

    /** Signal in [0, 1] per pixel: bright where attenuation is high, as a radiograph is displayed. */
    static float[] expose(float[] density, int size, Anatomy a, SplittableRandom r) {
        float[] img = new float[density.length];
        double[] curve = toneCurve(a);
        for (int i = 0; i < img.length; i++) {
            double x = Math.min(LUT - 1.001, Math.max(0, density[i]) * (LUT - 1) / MAX_DENSITY);
            int k = (int) x;
            double s = curve[k] + (x - k) * (curve[k + 1] - curve[k]);
            double v = (i / size + 0.5) / size;
            img[i] = (float) (s * (1 + a.heel() * (v - 0.5)));
        }
        img = blur(img, size);
        float[] grain = new float[img.length];
        for (int i = 0; i < grain.length; i++) {
            grain[i] = (float) gaussian(r);
        }
        grain = blur(blur(grain, size), size);
        for (int i = 0; i < img.length; i++) {
            double s = img[i];
            double sigma = a.noise() * (0.35 + 0.65 * Math.sqrt(Math.max(0, s)));
            double n = sigma * (0.75 * gaussian(r) + 1.2 * grain[i]);
            img[i] = (float) Shapes.clamp01(s + n);
        }
        return img;
    }

    /** Separable [1 2 1] / 4 blur with clamped edges. */
    static float[] blur(float[] in, int n) {
        float[] tmp = new float[in.length];
        float[] out = new float[in.length];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                int l = Math.max(0, x - 1), rr = Math.min(n - 1, x + 1);
                tmp[y * n + x] = 0.25f * in[y * n + l] + 0.5f * in[y * n + x] + 0.25f * in[y * n + rr];
            }
        }
        for (int y = 0; y < n; y++) {
            int u = Math.max(0, y - 1), d = Math.min(n - 1, y + 1);
            for (int x = 0; x < n; x++) {
                out[y * n + x] = 0.25f * tmp[u * n + x] + 0.5f * tmp[y * n + x] + 0.25f * tmp[d * n + x];
            }
        }
        return out;
    }

    /** Near-Gaussian unit noise (Irwin-Hall sum of four uniforms): cheap and exact on every platform. */
    static double gaussian(SplittableRandom r) {
        return (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2) * 1.7320508075688772;
    }
}
