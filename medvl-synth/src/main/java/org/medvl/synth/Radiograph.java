package org.medvl.synth;

import java.util.SplittableRandom;

/** Composes a {@link SynthImage}: analytic anatomy, lung markings, air bronchograms, devices, detector, marker. */
final class Radiograph {
    /** The burned-in label, top left of every image. */
    static final String LABEL = "SYNTHETIC";

    private Radiograph() {
    }

    static SynthImage render(Anatomy a, Findings f, int size, int bits, SplittableRandom r) {
        ChestRenderer cr = new ChestRenderer(a, f, size, r.split());
        ChestRenderer.Layers l = cr.analytic();
        Frame frame = cr.frame();
        float[] vessels = markings(a, frame, r.split());
        float[] bronchi = bronchograms(a, f, frame, r.split());
        float[] devices = Devices.draw(a, f, frame);
        float[] d = l.density();
        for (int i = 0; i < d.length; i++) {
            d[i] += vessels[i] * l.lungVisible()[i] - 0.18f * bronchi[i] * l.consolidation()[i] + devices[i];
        }
        float[] signal = Detector.expose(d, size, a, r.split());
        int max = (1 << bits) - 1;
        int[] px = new int[signal.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = (int) Math.round(signal[i] * max);
        }
        int scale = Math.max(1, size / 256);
        Marker.draw(px, size, LABEL, 3 * scale, 3 * scale, scale, max, 0);
        Marker.draw(px, size, "L", size - 3 * scale - Marker.width("L", scale), 3 * scale, scale, max, 0);
        return new SynthImage(size, bits, px, l.lungField(), l.heart());
    }

    /** Pulmonary vessels: trees from each hilum, fanning from the apex to the base. */
    private static float[] markings(Anatomy a, Frame frame, SplittableRandom r) {
        Strokes s = new Strokes(frame);
        for (int sign = -1; sign <= 1; sign += 2) {
            double hu = 0.5 + sign * (a.mediastinum() + 0.03);
            double hv = a.hilum() + (sign > 0 ? -0.01 : 0);
            int trunks = 16;
            for (int k = 0; k < trunks; k++) {
                double th = -1.35 + 2.6 * (k + 0.2 + 0.6 * r.nextDouble()) / trunks;
                double angle = sign > 0 ? th : Math.PI - th;
                s.tree(r, hu, hv, angle, Anatomy.uniform(r, 0.1, 0.16), 0.0055, 0.075, 3);
            }
        }
        return s.layer();
    }

    /** Air-filled bronchi, drawn only where the lung is consolidated. */
    private static float[] bronchograms(Anatomy a, Findings f, Frame frame, SplittableRandom r) {
        Strokes s = new Strokes(frame);
        if (f.consolidation() != null) {
            Lobe lobe = f.consolidation().lobe();
            int sign = lobe.side() == Side.RIGHT ? -1 : 1;
            double hu = 0.5 + sign * (a.mediastinum() + 0.03);
            double tu = 0.5 + sign * lobe.centreT() * a.halfWidth();
            double tv = a.apex() + lobe.centreS() * ((sign < 0 ? a.angleRight() : a.angleLeft()) - a.apex());
            double angle = StrictMath.atan2(tv - a.hilum(), tu - hu);
            for (int k = 0; k < 3; k++) {
                s.tree(r, hu, a.hilum(), angle + (k - 1) * 0.35, 0.08, 0.003, 1, 2);
            }
        }
        return s.layer();
    }
}
