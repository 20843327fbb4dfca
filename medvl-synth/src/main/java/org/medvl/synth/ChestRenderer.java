package org.medvl.synth;

import java.util.SplittableRandom;

/**
 * Renders the attenuation ("density") of a frontal chest radiograph: body soft tissue, arms and shoulders, lungs,
 * mediastinum and trachea, heart, diaphragm and gastric bubble, spine, ribs and clavicles, then the findings and
 * devices. Anatomy is analytic in the unrotated frame and sampled per pixel through {@link Frame}; thin structures
 * come from {@link Strokes}. The result is line integral-like density, turned into detector signal by
 * {@link Detector}.
 */
final class ChestRenderer {
    private static final double AIR = 0.82;
    private static final double SPINE = 0.16;
    private static final double RIB = 0.13;

    private final Anatomy a;
    private final Findings f;
    private final Frame frame;
    private final double edge;
    private final Lung right;
    private final Lung left;
    private final ValueNoise patches;
    private final ValueNoise texture;
    private final double[] ribJitter;

    /** Per-side lung geometry and the findings that change it. */
    private record Lung(int sign, double cu, double cv, double au, double av, double fluidTop, double meniscus,
                        double ptxGap, Lobe consolidation) {
    }

    ChestRenderer(Anatomy a, Findings f, int size, SplittableRandom r) {
        this.a = a;
        this.f = f;
        this.frame = new Frame(size, a);
        this.edge = 1.2 / (size * a.scale());
        this.right = lung(-1);
        this.left = lung(1);
        this.patches = new ValueNoise(r.split(), 7);
        this.texture = new ValueNoise(r.split(), 48);
        this.ribJitter = new double[11];
        for (int k = 0; k < ribJitter.length; k++) {
            ribJitter[k] = (r.nextDouble() - 0.5) * 0.012;
        }
    }

    Frame frame() {
        return frame;
    }

    private Lung lung(int sign) {
        Side side = sign < 0 ? Side.RIGHT : Side.LEFT;
        double angle = sign < 0 ? a.angleRight() : a.angleLeft();
        double fluidTop = Double.NaN;
        double meniscus = 0;
        if (f.effusion() != null && f.effusion().side().covers(side)) {
            fluidTop = angle - f.effusion().heightMm() / a.mmPerUnit();
            meniscus = fluidTop < angle - 0.1 ? 0.09 : 0.05; // the meniscus climbs the lateral chest wall
        }
        double gap = f.pneumothorax() != null && f.pneumothorax().side() == side
                ? f.pneumothorax().gapMm() / a.mmPerUnit() : 0;
        Lobe cons = f.consolidation() != null && f.consolidation().lobe().side() == side ? f.consolidation().lobe() : null;
        return new Lung(sign, a.lungCentreU(sign), a.lungCentreV(sign), a.lungAxisU(), a.lungAxisV(sign), fluidTop,
                meniscus, gap, cons);
    }

    /** Output buffers of one rendering. */
    record Layers(float[] density, float[] lungVisible, float[] lungField, float[] heart, float[] consolidation) {
    }

    /** Evaluates the analytic anatomy at every pixel. */
    Layers analytic() {
        int n = frame.size();
        float[] density = new float[n * n];
        float[] visible = new float[n * n];
        float[] field = new float[n * n];
        float[] heart = new float[n * n];
        float[] cons = new float[n * n];
        double[] q = new double[2];
        double[] out = new double[4];
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                frame.toUnit(x, y, q);
                int i = y * n + x;
                double u = q[0], v = q[1];
                double h = a.heart(u, v, edge);
                double soft = body(u, v);
                double d = soft + Math.min(1, soft) * bones(u, v) + airways(u, v) + 0.08 * h + findingsDensity(u, v);
                lungAt(right, u, v, h, out);
                d -= out[0];
                visible[i] = (float) out[1];
                field[i] = (float) out[2];
                cons[i] = (float) out[3];
                lungAt(left, u, v, h, out);
                d -= out[0];
                visible[i] += (float) out[1];
                field[i] += (float) out[2];
                cons[i] += (float) out[3];
                heart[i] = (float) h;
                density[i] = (float) d;
            }
        }
        return new Layers(density, visible, field, heart, cons);
    }

    /** Soft tissue: trunk, neck and shoulders, a thicker abdomen below the diaphragm. */
    private double body(double u, double v) {
        double x = Math.abs(u - 0.5);
        double w = a.halfWidth();
        double shoulder = a.apex() - 0.07 + 0.1 * Shapes.step(0.08, w + 0.1, x);
        double waist = w + 0.075 - 0.035 * Shapes.step(0.7, 1.05, v);
        double trunk = (1 - Shapes.step(waist - 0.01, waist + 0.01, x)) * Shapes.step(shoulder - 0.02, shoulder + 0.02, v);
        double neck = (1 - Shapes.step(0.08, 0.1, x));
        double wall = 0.18 * Shapes.step(w - 0.01, w + 0.05, x) * trunk; // tangential chest wall
        double tissue = Math.max(trunk, neck);
        double liver = 0.12 * trunk * Shapes.step(a.domeRight(), a.domeRight() + 0.15, v); // thicker abdomen
        return 0.9 * tissue + wall + liver;
    }

    /** Spine, posterior and anterior ribs, clavicles. */
    private double bones(double u, double v) {
        double x = u - 0.5;
        double t = Math.abs(x) / a.halfWidth();
        double disc = Shapes.step(0.3, 0.5, Math.abs(((v * 22) % 1) - 0.5) * 2);
        double d = SPINE * (1 - Shapes.step(0.02, 0.034, Math.abs(x))) * (1 - 0.3 * disc)
                * Shapes.step(a.apex() - 0.12, a.apex(), v);
        for (int s = -1; s <= 1; s += 2) { // hila: pulmonary arteries and veins
            double hu = (u - (0.5 + s * (a.mediastinum() + 0.035))) / 0.035;
            double hv = (v - a.hilum()) / 0.06;
            double q = hu * hu + hv * hv;
            if (q < 9) {
                d += 0.12 * StrictMath.exp(-q);
            }
        }
        double spacing = (a.angleRight() - a.apex() + 0.05) / 10;
        double dia = a.diaphragm(u, x < 0 ? -1 : 1);
        double below = Shapes.step(dia - 0.01, dia + 0.06, v);
        double inside = Shapes.step(0.06, 0.1, t) * (1 - Shapes.step(1.03, 1.12, t)) * (1 - 0.6 * below);
        if (inside > 0) {
            for (int k = 0; k < 11; k++) {
                double y0 = a.apex() - 0.03 + k * spacing + ribJitter[k];
                double c = y0 - 0.06 * t + 0.22 * t * t;
                double hw = 0.0085 + 0.004 * k / 10.0;
                d += RIB * inside * Shapes.bone(v - c, hw, edge);
                if (t > 0.3 && below < 1) {
                    double lat = y0 - 0.06 * 1.05 + 0.22 * 1.05 * 1.05;
                    double s = 1.05 - t;
                    double ca = lat + 0.2 * s + 0.1 * s * s;
                    d += 0.6 * RIB * inside * Shapes.step(0.3, 0.4, t) * Shapes.bone(v - ca, 0.011, edge);
                }
            }
        }
        double tc = (Math.abs(x) - 0.035) / (a.halfWidth() + 0.03);
        if (tc > -0.05 && tc < 1.05) {
            double yc = a.apex() + 0.06 + (-0.09) * tc + 0.015 * StrictMath.sin(2 * Math.PI * tc);
            d += 0.34 * Shapes.step(-0.05, 0.02, tc) * (1 - Shapes.step(0.98, 1.05, tc))
                    * Shapes.bone(v - yc, 0.019, edge);
        }
        return d;
    }

    /** Trachea and main bronchi (air, darker), gastric bubble under the left hemidiaphragm. */
    private double airways(double u, double v) {
        double tu = 0.5 + a.tracheaShift();
        double d = -0.32 * (1 - Shapes.step(0.014, 0.019, Math.abs(u - tu)))
                * (1 - Shapes.step(a.carina() - 0.01, a.carina() + 0.01, v));
        for (int s = -1; s <= 1; s += 2) {
            double du = s * (u - tu);
            double along = (v - a.carina() + 0.01) * 0.8 + du * 0.6;
            double across = du * 0.8 - (v - a.carina() + 0.01) * 0.6;
            if (along > 0 && along < 0.07) {
                d -= 0.22 * (1 - Shapes.step(0.009, 0.013, Math.abs(across)));
            }
        }
        double bubble = Shapes.ellipse(u, v, 0.5 + 0.42 * a.halfWidth(), a.domeLeft() + 0.05, 0.05, 0.03, 0.02)
                * Shapes.step(a.diaphragm(u, 1) + 0.005, a.diaphragm(u, 1) + 0.025, v);
        return d - 0.18 * bubble;
    }

    /** Densities that are not in the lung air: nodule, pleural line, pacemaker generator. */
    private double findingsDensity(double u, double v) {
        double d = 0;
        Findings.Nodule nod = f.nodule();
        if (nod != null) {
            double r = nod.diameterMm() / 2 / a.mmPerUnit();
            double dist = StrictMath.hypot(u - nod.u(), v - nod.v());
            d += 0.5 * (1 - Shapes.step(r * 0.75, r * 1.15, dist));
        }
        if (f.devices().contains(Device.PACEMAKER)) {
            double gx = (u - (0.5 + 0.62 * a.halfWidth())) / 0.042;
            double gy = (v - (a.apex() + 0.1)) / 0.03;
            double se = gx * gx * gx * gx + gy * gy * gy * gy;
            d += 2.2 * (1 - Shapes.step(0.85, 1.1, se));
        }
        return d;
    }

    /** For one lung: out = {air removed, visible-lung weight, lung-field weight, consolidation weight}. */
    private void lungAt(Lung l, double u, double v, double heart, double[] out) {
        out[0] = out[1] = out[2] = out[3] = 0;
        if (l.sign * (u - 0.5) <= 0) {
            return;
        }
        double dist = Shapes.lungDistance(u, v, l.cu, l.cv, l.au, l.av);
        if (dist > edge) {
            return;
        }
        double e = 1 - Shapes.step(-edge, edge, dist);
        double m = a.mediastinum() * (1 + 0.45 * Shapes.step(a.apex() + 0.08, a.apex() + 0.3, v));
        if (l.sign > 0) { // aortic knob
            double z = (v - (a.apex() + 0.17)) / 0.035;
            m += 0.035 * StrictMath.exp(-z * z);
        }
        double medial = Shapes.step(m - edge, m + edge, l.sign * (u - 0.5));
        double dia = a.diaphragm(u, l.sign);
        double above = 1 - Shapes.step(dia - edge, dia + edge, v);
        double fieldW = e * medial * above;
        out[2] = fieldW;
        double lungW = fieldW * (1 - heart);
        if (lungW <= 0) {
            return;
        }
        double r = Shapes.lungRadius(u, v, l.cu, l.cv, l.au, l.av);
        double depth = 0.5 + 0.5 * Math.sqrt(Math.max(0, 1 - r * r));
        double fluid = 0;
        if (!Double.isNaN(l.fluidTop)) {
            double lat = Shapes.clamp01((a.lobeT(u) - 0.1) / 0.9);
            double top = l.fluidTop - l.meniscus * lat * lat;
            fluid = Shapes.step(top - 0.025, top + 0.01, v); // hazy upper edge: the fluid layer thins out
        }
        double ptx = 0;
        double ridge = 0;
        if (l.ptxGap > 0) {
            double g = l.ptxGap;
            double dc = Shapes.lungDistance(u, v, l.cu - l.sign * g, l.cv + 0.9 * g, l.au - g, l.av - 0.9 * g);
            ptx = Shapes.step(-edge, edge, dc);
            double w = 0.9 * edge;
            ridge = StrictMath.exp(-(dc * dc) / (w * w));
        }
        double cons = 0;
        if (l.consolidation != null) {
            double lobe = l.consolidation.weight(a.lobeS(v, l.sign), a.lobeT(u));
            cons = lobe * Shapes.clamp01(0.6 + 0.8 * patches.at(u, v));
        }
        double tissue = 0.86 + 0.14 * texture.at(u, v); // parenchymal texture; none in the pleural air
        double air = (1 - ptx) * AIR * tissue * depth + ptx * AIR * 1.08;
        air *= (1 - fluid) * (1 - 0.9 * cons);
        out[0] = lungW * air - 0.16 * ridge * lungW * (1 - fluid) - 0.15 * fluid * lungW;
        out[1] = lungW * (1 - ptx) * (1 - fluid) * (1 - 0.6 * cons);
        out[3] = lungW * cons * (1 - fluid);
    }
}
