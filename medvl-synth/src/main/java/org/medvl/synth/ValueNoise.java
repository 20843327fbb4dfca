package org.medvl.synth;

import java.util.SplittableRandom;

/** Smooth lattice noise in [0, 1] over the unit frame, for patchy airspace disease. */
final class ValueNoise {
    private final double[] grid;
    private final int cells;

    ValueNoise(SplittableRandom r, int cells) {
        this.cells = cells;
        this.grid = new double[(cells + 1) * (cells + 1)];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = r.nextDouble();
        }
    }

    double at(double u, double v) {
        double x = Shapes.clamp01(u) * cells;
        double y = Shapes.clamp01(v) * cells;
        int ix = Math.min(cells - 1, (int) x);
        int iy = Math.min(cells - 1, (int) y);
        double fx = Shapes.step(0, 1, x - ix);
        double fy = Shapes.step(0, 1, y - iy);
        int w = cells + 1;
        double top = grid[iy * w + ix] * (1 - fx) + grid[iy * w + ix + 1] * fx;
        double bottom = grid[(iy + 1) * w + ix] * (1 - fx) + grid[(iy + 1) * w + ix + 1] * fx;
        return top * (1 - fy) + bottom * fy;
    }
}
