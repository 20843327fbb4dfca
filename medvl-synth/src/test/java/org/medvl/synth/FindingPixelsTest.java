package org.medvl.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each finding changes the pixels where it should: the same anatomy, exposure and noise rendered with and without
 * the finding, compared over regions defined in the unrotated anatomical frame.
 */
class FindingPixelsTest {
    private static final int SIZE = 192;

    /** A region of the anatomy: a predicate on unit-frame (u, v). */
    private interface Region {
        boolean contains(double u, double v);
    }

    private static Anatomy anatomy(int i) {
        return new SynthGenerator(SynthConfig.DEFAULT).anatomy(i).withCtr(0.44);
    }

    private static Findings normal(Anatomy a) {
        return new Findings(a.ctr(), null, null, null, null, Set.of());
    }

    private static SynthImage render(Anatomy a, Findings f) {
        return Radiograph.render(a, f, SIZE, 8, new SplittableRandom(42));
    }

    /** Grey values of the pixels whose centres fall in the region (at least 20 of them). */
    private static double[] values(SynthImage img, Anatomy a, Region r) {
        Frame frame = new Frame(img.size(), a);
        double[] q = new double[2];
        java.util.List<Double> out = new java.util.ArrayList<>();
        for (int y = 0; y < img.size(); y++) {
            for (int x = 0; x < img.size(); x++) {
                frame.toUnit(x, y, q);
                if (r.contains(q[0], q[1])) {
                    out.add((double) img.at(x, y));
                }
            }
        }
        assertTrue(out.size() >= 20, "region too small: " + out.size() + " pixels");
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double mean(SynthImage img, Anatomy a, Region r) {
        return java.util.Arrays.stream(values(img, a, r)).average().orElseThrow();
    }

    private static double std(SynthImage img, Anatomy a, Region r) {
        double[] v = values(img, a, r);
        double m = java.util.Arrays.stream(v).average().orElseThrow();
        return Math.sqrt(java.util.Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
    }

    /** Lower lateral lung zone of a side (-1 patient right, +1 left): just above the costophrenic angle. */
    private static Region lowerLateral(Anatomy a, int sign) {
        double angle = sign < 0 ? a.angleRight() : a.angleLeft();
        return (u, v) -> sign * (u - 0.5) > 0.6 * a.halfWidth() && sign * (u - 0.5) < 0.92 * a.halfWidth()
                && v > angle - 0.1 && v < a.diaphragm(u, sign) - 0.01;
    }

    @Test
    void effusionRaisesIntensityInTheLowerLateralZoneOfItsSideOnly() {
        for (int i = 0; i < 4; i++) {
            Anatomy a = anatomy(i);
            Findings eff = new Findings(a.ctr(), new Findings.Effusion(Side.RIGHT, Severity.MODERATE,
                    0.2 * (a.angleRight() - a.apex()) * a.mmPerUnit()), null, null, null, Set.of());
            SynthImage with = render(a, eff);
            SynthImage without = render(a, normal(a));
            double rise = mean(with, a, lowerLateral(a, -1)) - mean(without, a, lowerLateral(a, -1));
            double other = mean(with, a, lowerLateral(a, 1)) - mean(without, a, lowerLateral(a, 1));
            assertTrue(rise > 40, "right effusion raised the right lower zone by only " + rise);
            assertEquals(0, other, 0.5, "right effusion changed the left lower zone");
        }
    }

    @Test
    void smallEffusionBluntsTheCostophrenicAngle() {
        Anatomy a = anatomy(1);
        Findings eff = new Findings(a.ctr(), new Findings.Effusion(Side.LEFT, Severity.SMALL,
                0.05 * (a.angleLeft() - a.apex()) * a.mmPerUnit()), null, null, null, Set.of());
        // The costophrenic recess: a band just above the lateral hemidiaphragm.
        Region angle = (u, v) -> u - 0.5 > 0.75 * a.halfWidth() && u - 0.5 < 0.95 * a.halfWidth()
                && v > a.diaphragm(u, 1) - 0.04 && v < a.diaphragm(u, 1) - 0.005;
        double rise = mean(render(a, eff), a, angle) - mean(render(a, normal(a)), a, angle);
        assertTrue(rise > 25, "small left effusion raised the left costophrenic angle by only " + rise);
    }

    @Test
    void cardiomegalyWidensTheHeartSilhouette() {
        Anatomy small = anatomy(2).withCtr(0.42);
        Anatomy big = small.withCtr(0.62);
        SynthImage s = render(small, normal(small));
        SynthImage b = render(big, new Findings(0.62, null, null, null, null, Set.of()));
        assertEquals(0.42, s.measuredCtr(), 0.03);
        assertEquals(0.62, b.measuredCtr(), 0.03);
        // Beyond the normal heart's left border, the enlarged heart replaces dark lung with bright soft tissue.
        double edge = small.heartCentreU() + small.heartExtentU();
        Region band = (u, v) -> u > edge + 0.01 && u < edge + 0.04 && Math.abs(v - big.heartCentreV()) < 0.03;
        double rise = mean(b, big, band) - mean(s, small, band);
        assertTrue(rise > 40, "cardiomegaly brightened the band beyond the normal heart border by only " + rise);
    }

    @Test
    void measuredCtrFollowsTheTruthOnGeneratedImages() {
        SynthGenerator g = new SynthGenerator(SynthConfig.DEFAULT.withSize(128));
        double worst = 0;
        for (int i = 0; i < 20; i++) {
            SynthCase c = g.generate(i, "p.png");
            worst = Math.max(worst, Math.abs(c.image().measuredCtr() - c.findings().cardiothoracicRatio()));
            assertEquals(c.findings().cardiomegaly(), c.image().measuredCtr() > Findings.CARDIOMEGALY_CTR,
                    "case " + i + ": measured " + c.image().measuredCtr() + " truth "
                            + c.findings().cardiothoracicRatio());
        }
        System.out.printf("synth: worst |measured CTR - true CTR| over 20 images of 128 px: %.3f%n", worst);
        assertTrue(worst < 0.04, "worst CTR error " + worst);
    }

    @Test
    void pneumothoraxDarkensThePleuralSpaceAndRemovesLungMarkings() {
        Anatomy a = anatomy(3);
        double gap = 0.085;
        Findings ptx = new Findings(a.ctr(), null, new Findings.Pneumothorax(Side.LEFT, Severity.LARGE,
                gap * a.mmPerUnit()), null, null, Set.of());
        // Lateral band of the left hemithorax inside the pleural gap, at mid-lung height.
        Region space = (u, v) -> u - 0.5 > a.halfWidth() - 0.6 * gap && u - 0.5 < a.halfWidth() - 0.015
                && Math.abs(v - a.hilum()) < 0.08;
        SynthImage with = render(a, ptx);
        SynthImage without = render(a, normal(a));
        double darker = mean(without, a, space) - mean(with, a, space);
        assertTrue(darker > 8, "pneumothorax darkened the pleural space by only " + darker);
        double s1 = std(with, a, space);
        double s0 = std(without, a, space);
        assertTrue(s1 < s0, "pleural space should lose lung markings: std " + s1 + " vs " + s0);
        Region right = lowerLateral(a, -1);
        assertEquals(0, mean(with, a, right) - mean(without, a, right), 0.5, "left pneumothorax changed the right lung");
    }

    @Test
    void noduleBrightensItsOwnSpot() {
        Anatomy a = anatomy(4);
        Findings.Nodule placed = new Findings.Nodule(Lobe.RIGHT_UPPER, 24, 0.5 - 0.55 * a.halfWidth(), a.apex() + 0.12);
        double r = placed.diameterMm() / 2 / a.mmPerUnit();
        Region spot = (u, v) -> Math.hypot(u - placed.u(), v - placed.v()) < 0.7 * r;
        Findings f = new Findings(a.ctr(), null, null, placed, null, Set.of());
        double rise = mean(render(a, f), a, spot) - mean(render(a, normal(a)), a, spot);
        assertTrue(rise > 30, "nodule raised its spot by only " + rise);
    }

    @Test
    void consolidationOpacifiesItsLobe() {
        Anatomy a = anatomy(5);
        Findings f = new Findings(a.ctr(), null, null, null, new Findings.Consolidation(Lobe.RIGHT_LOWER), Set.of());
        Region rll = (u, v) -> -(u - 0.5) > 0.55 * a.halfWidth() && -(u - 0.5) < 0.9 * a.halfWidth()
                && a.lobeS(v, -1) > 0.8 && v < a.diaphragm(u, -1) - 0.01;
        Region rul = (u, v) -> -(u - 0.5) > 0.4 * a.halfWidth() && -(u - 0.5) < 0.8 * a.halfWidth()
                && a.lobeS(v, -1) > 0.1 && a.lobeS(v, -1) < 0.3;
        SynthImage with = render(a, f);
        SynthImage without = render(a, normal(a));
        double rise = mean(with, a, rll) - mean(without, a, rll);
        assertTrue(rise > 30, "RLL consolidation raised the right base by only " + rise);
        assertEquals(0, mean(with, a, rul) - mean(without, a, rul), 0.5, "RLL consolidation changed the RUL");
    }

    @Test
    void devicesAreRadiopaque() {
        Anatomy a = anatomy(6);
        Findings f = new Findings(a.ctr(), null, null, null, null, Set.of(Device.PACEMAKER, Device.ENDOTRACHEAL_TUBE));
        Region generator = (u, v) -> Math.abs(u - (0.5 + 0.62 * a.halfWidth())) < 0.02
                && Math.abs(v - (a.apex() + 0.1)) < 0.012;
        SynthImage with = render(a, f);
        assertTrue(mean(with, a, generator) > 235, "pacemaker generator should be near white: "
                + mean(with, a, generator));
        Region trachea = (u, v) -> Math.abs(u - (0.5 + a.tracheaShift())) < 0.01 && v > a.apex() && v < a.carina() - 0.12;
        double rise = mean(with, a, trachea) - mean(render(a, normal(a)), a, trachea);
        assertTrue(rise > 10, "endotracheal tube raised the tracheal lumen by only " + rise);
    }

    @Test
    void everyImageCarriesTheSyntheticMarker() {
        SynthImage img = render(anatomy(0), normal(anatomy(0)));
        int white = 0;
        for (int y = 3; y < 10; y++) {
            for (int x = 3; x < 3 + Marker.width("SYNTHETIC", 1); x++) {
                white += img.at(x, y) == 255 ? 1 : 0;
            }
        }
        assertTrue(white > 60, "marker pixels: " + white);
    }
}
