package org.medvl.synth;

/** Radiopaque tubes, lines and leads (the pacemaker generator itself is analytic, in {@link ChestRenderer}). */
final class Devices {
    private Devices() {
    }

    static float[] draw(Anatomy a, Findings f, Frame frame) {
        Strokes s = new Strokes(frame);
        double w = a.halfWidth();
        if (f.devices().contains(Device.ENDOTRACHEAL_TUBE)) {
            double tu = 0.5 + a.tracheaShift();
            double tip = a.carina() - 0.1; // about 4 cm above the carina
            for (int side = -1; side <= 1; side += 2) {
                s.segment(tu + side * 0.007, -0.05, tu + side * 0.007, tip, 0.0018, 0.22);
            }
            s.segment(tu - 0.002, -0.05, tu - 0.002, tip, 0.0015, 0.5);
        }
        if (f.devices().contains(Device.CENTRAL_LINE)) { // right internal jugular, tip in the lower SVC
            s.curve(new double[] {0.5 - 0.12, -0.05, 0.5 - 0.1, a.apex(), 0.5 - 0.05, a.apex() + 0.1,
                    0.5 - 0.035, a.carina() + 0.04, 0.5 - 0.035, a.carina() + 0.08}, 0.0022, 0.5);
        }
        if (f.devices().contains(Device.PACEMAKER)) { // left pectoral generator, leads to RA and RV
            double gu = 0.5 + 0.62 * w, gv = a.apex() + 0.1;
            double[] ra = {gu, gv, 0.5 + 0.3 * w, a.apex() + 0.05, 0.5 + 0.02, a.apex() + 0.1,
                    0.5 - 0.03, a.carina() + 0.05, 0.5 - 0.04, a.heartCentreV() - 0.03};
            double[] rv = {gu, gv, 0.5 + 0.3 * w, a.apex() + 0.06, 0.5 + 0.01, a.apex() + 0.11,
                    0.5 - 0.02, a.carina() + 0.08, a.heartCentreU() - 0.02, a.heartCentreV() + 0.02,
                    a.heartCentreU() + 0.55 * a.heartExtentU(), a.heartCentreV() + 0.35 * a.heartShort()};
            s.curve(ra, 0.0025, 0.7);
            s.curve(rv, 0.0025, 0.7);
        }
        if (f.devices().contains(Device.ENTERIC_TUBE)) { // down the oesophagus into the stomach
            s.curve(new double[] {0.5 + 0.015, -0.05, 0.5 + 0.012, a.carina(), 0.5 + 0.03, a.domeLeft(),
                    0.5 + 0.3 * w, a.domeLeft() + 0.07, 0.5 + 0.22 * w, a.domeLeft() + 0.11}, 0.0028, 0.35);
        }
        return s.layer();
    }
}
