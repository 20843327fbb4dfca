package org.medvl.synth;

/** Soft-edged geometry in the unrotated unit frame. Everything is plain double arithmetic, so results are exact
 * across platforms (transcendental functions go through StrictMath). */
final class Shapes {
    private Shapes() {
    }

    /** Smoothstep from 0 at {@code a} to 1 at {@code b} (a may exceed b for a falling edge). */
    static double step(double a, double b, double x) {
        double t = (x - a) / (b - a);
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        return t * t * (3 - 2 * t);
    }

    /** Normalised elliptic radius: below 1 inside the ellipse. */
    static double radius(double x, double y, double cx, double cy, double ax, double ay) {
        double dx = (x - cx) / ax;
        double dy = (y - cy) / ay;
        return Math.sqrt(dx * dx + dy * dy);
    }

    /**
     * Approximate signed distance to an ellipse (negative inside), first order in the normalised radius; good near
     * the boundary, which is all the pleural line and soft edges need.
     */
    static double ellipseDistance(double x, double y, double cx, double cy, double ax, double ay) {
        double dx = (x - cx) / ax;
        double dy = (y - cy) / ay;
        double r = Math.sqrt(dx * dx + dy * dy);
        return r < 1e-9 ? -Math.min(ax, ay) : firstOrder(r, dx / (ax * r), dy / (ay * r));
    }

    /** Distance to the level set r = 1 from the radius and its gradient (one Newton step). */
    private static double firstOrder(double r, double gx, double gy) {
        return (r - 1) / Math.sqrt(gx * gx + gy * gy);
    }

    /**
     * Approximate signed distance to a lung outline: an ellipse above its centre (the rounded apex) and a squarer
     * curve (|x|^4 + |y|^4 = 1) below it, so the lateral wall runs down to a sharp costophrenic angle.
     */
    static double lungDistance(double x, double y, double cx, double cy, double ax, double ay) {
        if (y <= cy) {
            return ellipseDistance(x, y, cx, cy, ax, ay);
        }
        double dx = (x - cx) / ax;
        double dy = (y - cy) / ay;
        double dx2 = dx * dx, dy2 = dy * dy;
        double q = dx2 * dx2 + dy2 * dy2;
        double r = Math.sqrt(Math.sqrt(q));
        double r3 = r * r * r;
        return r < 1e-9 ? -Math.min(ax, ay) : firstOrder(r, dx2 * dx / (r3 * ax), dy2 * dy / (r3 * ay));
    }

    /** Normalised radius of the lung outline of {@link #lungDistance}: below 1 inside. */
    static double lungRadius(double x, double y, double cx, double cy, double ax, double ay) {
        if (y <= cy) {
            return radius(x, y, cx, cy, ax, ay);
        }
        double dx = (x - cx) / ax;
        double dy = (y - cy) / ay;
        return Math.sqrt(Math.sqrt(dx * dx * dx * dx + dy * dy * dy * dy));
    }

    /** Soft inside-mask of an ellipse with an edge {@code edge} wide (unit-frame distance). */
    static double ellipse(double x, double y, double cx, double cy, double ax, double ay, double edge) {
        return 1 - step(-edge, edge, ellipseDistance(x, y, cx, cy, ax, ay));
    }

    /** A band of half-width {@code hw} around a centre line at signed distance {@code d}, with a bright cortex. */
    static double bone(double d, double hw, double edge) {
        double a = Math.abs(d);
        if (a > hw + edge) {
            return 0;
        }
        double inside = 1 - step(hw - edge, hw + edge, a);
        double p = a / hw;
        double cortex = StrictMath.exp(-((p - 0.85) * (p - 0.85)) / 0.03);
        return inside * (0.55 + 0.45 * cortex);
    }

    static double clamp01(double x) {
        return x < 0 ? 0 : x > 1 ? 1 : x;
    }
}
