package org.medvl.synth;

import java.util.SplittableRandom;

/**
 * The sampled body habitus, positioning and exposure of one radiograph, in the unrotated unit frame (u across, v
 * down, patient right at u &lt; 0.5). The thoracic width is {@code 2 * halfWidth}; the heart's width is
 * {@code ctr * 2 * halfWidth}, so the cardiothoracic ratio is drawn exactly.
 *
 * @param halfWidth      half the thoracic width at the internal rib margins
 * @param apex           v of the lung apices
 * @param domeRight      v of the right hemidiaphragm dome (higher than the left, as usual)
 * @param domeLeft       v of the left hemidiaphragm dome
 * @param angleRight     v of the right costophrenic angle
 * @param angleLeft      v of the left costophrenic angle
 * @param mediastinum    half-width of the upper mediastinum
 * @param ctr            cardiothoracic ratio
 * @param tracheaShift   offset of the trachea from the midline
 * @param rotationDeg    patient rotation in the image plane (positioning)
 * @param scale          magnification (positioning)
 * @param shiftU         horizontal offset (positioning)
 * @param shiftV         vertical offset (positioning)
 * @param mu             attenuation scale (beam quality): higher gives more contrast
 * @param gamma          display gamma of the detector processing
 * @param noise          noise standard deviation at mid grey
 * @param heel           anode heel effect: brightness gradient across the image
 * @param mmPerUnit      millimetres per unit of the frame (the thorax is about 280 mm across)
 */
public record Anatomy(double halfWidth, double apex, double domeRight, double domeLeft, double angleRight,
                      double angleLeft, double mediastinum, double ctr, double tracheaShift,
                      double rotationDeg, double scale, double shiftU, double shiftV, double mu, double gamma,
                      double noise, double heel, double mmPerUnit) {

    /** Draws a habitus for the given cardiothoracic ratio. */
    static Anatomy sample(SplittableRandom r, double ctr) {
        double w = uniform(r, 0.33, 0.375);
        double apex = uniform(r, 0.1, 0.14);
        double dome = uniform(r, 0.6, 0.68); // depth of inspiration
        double domeLeft = dome + uniform(r, 0.01, 0.03);
        return new Anatomy(w, apex, dome, domeLeft, dome + uniform(r, 0.07, 0.1),
                domeLeft + uniform(r, 0.065, 0.09), uniform(r, 0.05, 0.065), ctr,
                uniform(r, -0.004, 0.01),
                uniform(r, -4, 4), uniform(r, 0.94, 1.05), uniform(r, -0.025, 0.025), uniform(r, -0.02, 0.03),
                uniform(r, 0.95, 1.25), uniform(r, 0.9, 1.1), uniform(r, 0.012, 0.03), uniform(r, -0.08, 0.08),
                280.0 / (2 * w));
    }

    /** This habitus with another cardiothoracic ratio (for controlled comparisons). */
    Anatomy withCtr(double c) {
        return new Anatomy(halfWidth, apex, domeRight, domeLeft, angleRight, angleLeft, mediastinum, c,
                tracheaShift, rotationDeg, scale, shiftU, shiftV, mu, gamma, noise, heel, mmPerUnit);
    }

    static double uniform(SplittableRandom r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    /** v of the hemidiaphragm at u on that side: a dome falling to the costophrenic angle laterally. */
    double diaphragm(double u, int sign) {
        double dome = sign < 0 ? domeRight : domeLeft;
        double angle = sign < 0 ? angleRight : angleLeft;
        double t = (sign * (u - 0.5)) / halfWidth; // 0 midline .. 1 lateral margin
        double dt = t - 0.55; // the dome peaks about mid-hemithorax
        double fall = (angle - dome) / (0.45 * 0.45);
        return dome + fall * dt * dt * (dt > 0 ? 1 : 0.4);
    }

    /** Lung ellipse centre u and semi-axes for a side (-1 patient right, +1 patient left). */
    double lungCentreU(int sign) {
        return 0.5 + sign * 0.3 * halfWidth;
    }

    /** Wider than the hemithorax, so the mediastinal cut leaves the lung's medial border straight. */
    double lungAxisU() {
        return 0.7 * halfWidth;
    }

    double lungBottom(int sign) {
        return (sign < 0 ? angleRight : angleLeft) + 0.05;
    }

    double lungCentreV(int sign) {
        return (apex + lungBottom(sign)) / 2;
    }

    double lungAxisV(int sign) {
        return (lungBottom(sign) - apex) / 2;
    }

    /** Tilt of the heart's long axis below the horizontal, towards the apex (patient left, inferior). */
    static final double HEART_TILT = Math.toRadians(38);
    private static final double HEART_SHORT = 0.68; // short over long semi-axis

    /** Half the heart's horizontal extent: its full width is ctr * thoracic width. */
    double heartExtentU() {
        return ctr * halfWidth;
    }

    /** Long semi-axis of the tilted heart ellipse, chosen so its horizontal extent is {@link #heartExtentU()}. */
    double heartLong() {
        double c = StrictMath.cos(HEART_TILT), s = StrictMath.sin(HEART_TILT);
        return heartExtentU() / Math.sqrt(c * c + HEART_SHORT * HEART_SHORT * s * s);
    }

    double heartShort() {
        return HEART_SHORT * heartLong();
    }

    /** Heart centre: about a third of the heart lies right of the midline. */
    double heartCentreU() {
        return 0.5 + 0.3 * heartExtentU();
    }

    double heartCentreV() {
        return domeLeft - 0.2 * heartLong() - 0.02;
    }

    /** Soft inside-mask of the heart. */
    double heart(double u, double v, double edge) {
        double c = StrictMath.cos(HEART_TILT), s = StrictMath.sin(HEART_TILT);
        double du = u - heartCentreU(), dv = v - heartCentreV();
        double along = du * c + dv * s;
        double across = -du * s + dv * c;
        return Shapes.ellipse(along, across, 0, 0, heartLong(), heartShort(), edge);
    }

    /** v of the carina (tracheal bifurcation). */
    double carina() {
        return apex + 0.2;
    }

    /** v of the hila. */
    double hilum() {
        return apex + 0.27;
    }

    /** Lung-relative coordinates for lobes: s apex..base (0..1), t midline..lateral margin (0..1). */
    double lobeS(double v, int sign) {
        return (v - apex) / ((sign < 0 ? angleRight : angleLeft) - apex);
    }

    double lobeT(double u) {
        return Math.abs(u - 0.5) / halfWidth;
    }
}
