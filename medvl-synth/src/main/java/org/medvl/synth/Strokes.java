package org.medvl.synth;

import java.util.SplittableRandom;

/**
 * A layer of thin structures (vessels, bronchi, tubes, wires) rasterised by stamping Gaussian cross-sections along
 * their centre lines. Layers combine by maximum, so overlapping stamps of one line never add up into beads.
 */
final class Strokes {
    private static final double[] GAUSS = new double[257]; // exp(-x) for x = 0..8 in 1/32 steps
    static {
        for (int i = 0; i < GAUSS.length; i++) {
            GAUSS[i] = StrictMath.exp(-i / 32.0);
        }
    }

    private final float[] layer;
    private final Frame frame;

    Strokes(Frame frame) {
        this.frame = frame;
        this.layer = new float[frame.size() * frame.size()];
    }

    float[] layer() {
        return layer;
    }

    /** Stamps one cross-section at unit-frame point (u, v): Gaussian of unit-frame radius {@code width}. */
    void stamp(double u, double v, double width, double amplitude) {
        double[] p = frame.toPixel(u, v);
        double r = Math.max(0.45, width * frame.size() * frame.scale());
        int n = frame.size();
        int x0 = (int) Math.floor(p[0] - 2.8 * r);
        int x1 = (int) Math.ceil(p[0] + 2.8 * r);
        int y0 = (int) Math.floor(p[1] - 2.8 * r);
        int y1 = (int) Math.ceil(p[1] + 2.8 * r);
        double inv = 1 / (2 * r * r);
        for (int y = Math.max(0, y0); y <= Math.min(n - 1, y1); y++) {
            double dy = y + 0.5 - p[1];
            for (int x = Math.max(0, x0); x <= Math.min(n - 1, x1); x++) {
                double dx = x + 0.5 - p[0];
                double e = (dx * dx + dy * dy) * inv * 32;
                if (e >= 256) {
                    continue;
                }
                float val = (float) (amplitude * GAUSS[(int) e]);
                int i = y * n + x;
                if (val > layer[i]) {
                    layer[i] = val;
                }
            }
        }
    }

    /** A straight segment, stamped every 0.4 pixel. */
    void segment(double u0, double v0, double u1, double v1, double width, double amplitude) {
        double len = StrictMath.hypot(u1 - u0, v1 - v0) * frame.size() * frame.scale();
        int steps = Math.max(1, (int) Math.ceil(len / 0.4));
        for (int k = 0; k <= steps; k++) {
            double t = (double) k / steps;
            stamp(u0 + t * (u1 - u0), v0 + t * (v1 - v0), width, amplitude);
        }
    }

    /** A smooth curve through the given points (u0, v0, u1, v1, ...), rounded by Chaikin corner cutting. */
    void curve(double[] pts, double width, double amplitude) {
        double[] p = pts;
        for (int it = 0; it < 3; it++) {
            p = chaikin(p);
        }
        for (int i = 0; i + 3 < p.length; i += 2) {
            segment(p[i], p[i + 1], p[i + 2], p[i + 3], width, amplitude);
        }
    }

    private static double[] chaikin(double[] p) {
        int n = p.length / 2;
        double[] out = new double[(2 * (n - 1) + 2) * 2];
        out[0] = p[0];
        out[1] = p[1];
        int o = 2;
        for (int i = 0; i + 1 < n; i++) {
            double ax = p[2 * i], ay = p[2 * i + 1], bx = p[2 * i + 2], by = p[2 * i + 3];
            out[o++] = 0.75 * ax + 0.25 * bx;
            out[o++] = 0.75 * ay + 0.25 * by;
            out[o++] = 0.25 * ax + 0.75 * bx;
            out[o++] = 0.25 * ay + 0.75 * by;
        }
        out[o++] = p[p.length - 2];
        out[o] = p[p.length - 1];
        return out;
    }

    /**
     * A branching tree from (u, v) heading at {@code angle} (radians, image frame): a random walk that tapers and
     * forks, as pulmonary vessels and bronchi do.
     */
    void tree(SplittableRandom r, double u, double v, double angle, double length, double width, double amplitude,
              int depth) {
        int segs = 6;
        double a = angle;
        double x = u, y = v;
        double fork = 0.55 + 0.3 * r.nextDouble();
        for (int s = 0; s < segs; s++) {
            a += (r.nextDouble() - 0.5) * 0.35;
            double nx = x + StrictMath.cos(a) * length / segs;
            double ny = y + StrictMath.sin(a) * length / segs;
            double taper = 1 - 0.35 * s / segs;
            segment(x, y, nx, ny, width * taper, amplitude * taper);
            x = nx;
            y = ny;
            if (depth > 0 && s == (int) (fork * segs)) {
                double side = r.nextBoolean() ? 1 : -1;
                tree(r, x, y, a + side * (0.35 + 0.3 * r.nextDouble()), length * 0.6, width * 0.7,
                        amplitude * 0.8, depth - 1);
            }
        }
        if (depth > 0) {
            tree(r, x, y, a + 0.3 + 0.2 * r.nextDouble(), length * 0.6, width * 0.7, amplitude * 0.8, depth - 1);
            tree(r, x, y, a - 0.3 - 0.2 * r.nextDouble(), length * 0.6, width * 0.7, amplitude * 0.8, depth - 1);
        }
    }
}
