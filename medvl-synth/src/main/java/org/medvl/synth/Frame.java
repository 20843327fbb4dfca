package org.medvl.synth;

/**
 * Positioning: maps the unrotated unit frame of the anatomy to image pixels by a rotation about the image centre, a
 * magnification and a shift.
 */
final class Frame {
    private final int size;
    private final double cos;
    private final double sin;
    private final double scale;
    private final double shiftU;
    private final double shiftV;

    Frame(int size, Anatomy a) {
        this.size = size;
        double th = Math.toRadians(a.rotationDeg());
        this.cos = StrictMath.cos(th);
        this.sin = StrictMath.sin(th);
        this.scale = a.scale();
        this.shiftU = a.shiftU();
        this.shiftV = a.shiftV();
    }

    int size() {
        return size;
    }

    double scale() {
        return scale;
    }

    /** Unit-frame point to pixel coordinates (x right, y down; pixel centres at +0.5). */
    double[] toPixel(double u, double v) {
        double du = u - 0.5, dv = v - 0.5;
        double x = 0.5 + scale * (cos * du - sin * dv) + shiftU;
        double y = 0.5 + scale * (sin * du + cos * dv) + shiftV;
        return new double[] {x * size, y * size};
    }

    /** Pixel centre (px, py) to the unit frame; writes u, v into {@code out}. */
    void toUnit(int px, int py, double[] out) {
        double x = (px + 0.5) / size - 0.5 - shiftU;
        double y = (py + 0.5) / size - 0.5 - shiftV;
        out[0] = 0.5 + (cos * x + sin * y) / scale;
        out[1] = 0.5 + (-sin * x + cos * y) / scale;
    }
}
