package org.medvl.synth;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;

/** Draws the findings of one image from the prevalences, then places them on its anatomy. */
final class FindingSampler {
    private final Prevalence p;

    FindingSampler(Prevalence p) {
        this.p = p;
    }

    /** Normal hearts stay clear of the 0.5 cut-off, enlarged ones clearly above it, so the truth is unambiguous. */
    double ctr(SplittableRandom r) {
        return r.nextDouble() < p.cardiomegaly() ? Anatomy.uniform(r, 0.54, 0.66) : Anatomy.uniform(r, 0.38, 0.47);
    }

    Findings sample(SplittableRandom r, Anatomy a) {
        Findings.Effusion eff = null;
        if (r.nextDouble() < p.effusion()) {
            double s = r.nextDouble();
            Side side = s < 0.4 ? Side.RIGHT : s < 0.75 ? Side.LEFT : Side.BILATERAL;
            Severity size = severity(r);
            double frac = switch (size) {
                case SMALL -> Anatomy.uniform(r, 0.03, 0.06);
                case MODERATE -> Anatomy.uniform(r, 0.15, 0.24);
                case LARGE -> Anatomy.uniform(r, 0.34, 0.46);
            };
            eff = new Findings.Effusion(side, size, frac * (a.angleRight() - a.apex()) * a.mmPerUnit());
        }
        Findings.Pneumothorax ptx = null;
        if (r.nextDouble() < p.pneumothorax()) {
            Side side = r.nextBoolean() ? Side.RIGHT : Side.LEFT;
            Severity size = severity(r);
            double gap = switch (size) {
                case SMALL -> Anatomy.uniform(r, 0.018, 0.028);
                case MODERATE -> Anatomy.uniform(r, 0.04, 0.055);
                case LARGE -> Anatomy.uniform(r, 0.075, 0.1);
            };
            ptx = new Findings.Pneumothorax(side, size, gap * a.mmPerUnit());
        }
        Findings.Nodule nodule = r.nextDouble() < p.nodule() ? nodule(r, a) : null;
        Findings.Consolidation cons = r.nextDouble() < p.consolidation()
                ? new Findings.Consolidation(Lobe.values()[r.nextInt(Lobe.values().length)]) : null;
        Set<Device> devices = EnumSet.noneOf(Device.class);
        if (r.nextDouble() < p.devices()) {
            double[] odds = {0.45, 0.55, 0.3, 0.35};
            for (Device d : Device.values()) {
                if (r.nextDouble() < odds[d.ordinal()]) {
                    devices.add(d);
                }
            }
            if (devices.isEmpty()) {
                devices.add(Device.values()[r.nextInt(Device.values().length)]);
            }
        }
        return new Findings(a.ctr(), eff, ptx, nodule, cons, devices);
    }

    private static Severity severity(SplittableRandom r) {
        double s = r.nextDouble();
        return s < 0.45 ? Severity.SMALL : s < 0.8 ? Severity.MODERATE : Severity.LARGE;
    }

    /** A nodule of 6-30 mm, placed well inside the lung field within its lobe's projection. */
    private static Findings.Nodule nodule(SplittableRandom r, Anatomy a) {
        Lobe lobe = Lobe.values()[r.nextInt(Lobe.values().length)];
        double mm = Anatomy.uniform(r, 6, 30);
        int sign = lobe.side() == Side.RIGHT ? -1 : 1;
        double base = sign < 0 ? a.angleRight() : a.angleLeft();
        double u = 0, v = 0;
        for (int tries = 0; tries < 500; tries++) {
            double s = Anatomy.uniform(r, 0.08, 0.9);
            double t = Anatomy.uniform(r, 0.2, 0.85);
            u = 0.5 + sign * t * a.halfWidth();
            v = a.apex() + s * (base - a.apex());
            if (inside(a, sign, u, v, mm / 2 / a.mmPerUnit()) && lobe.weight(s, t) > 0.95) {
                return new Findings.Nodule(lobe, mm, u, v);
            }
        }
        // Practically unreachable; fall back to the lobe's typical point.
        u = 0.5 + sign * lobe.centreT() * a.halfWidth();
        v = a.apex() + lobe.centreS() * (base - a.apex());
        return new Findings.Nodule(lobe, mm, u, v);
    }

    private static boolean inside(Anatomy a, int sign, double u, double v, double radius) {
        double margin = radius + 0.015;
        return Shapes.lungDistance(u, v, a.lungCentreU(sign), a.lungCentreV(sign), a.lungAxisU(),
                a.lungAxisV(sign)) < -margin
                && v < a.diaphragm(u, sign) - margin
                && Math.abs(u - 0.5) > a.mediastinum() * 1.3 + margin
                && StrictMath.hypot(u - a.heartCentreU(), v - a.heartCentreV()) > a.heartLong() + margin;
    }
}
