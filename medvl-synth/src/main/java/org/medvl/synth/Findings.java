package org.medvl.synth;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ground truth of one synthetic radiograph: what was drawn, with its parameters. Absent findings are null (the
 * optional ones) or an empty device set.
 *
 * @param cardiothoracicRatio the drawn heart width over the thoracic width (internal rib margins), 0.35..0.75
 * @param effusion            the pleural effusion, or null
 * @param pneumothorax        the pneumothorax, or null
 * @param nodule              the pulmonary nodule, or null
 * @param consolidation       the lobar consolidation, or null
 * @param devices             support devices drawn
 */
public record Findings(double cardiothoracicRatio, Effusion effusion, Pneumothorax pneumothorax, Nodule nodule,
                       Consolidation consolidation, Set<Device> devices) {
    /** A cardiothoracic ratio above this is cardiomegaly (the usual PA-film criterion). */
    public static final double CARDIOMEGALY_CTR = 0.5;

    /** The observations whose truth the generator controls; the others are never drawn (always absent). */
    public static final Set<ChexpertLabel> MODELED = EnumSet.of(ChexpertLabel.NO_FINDING, ChexpertLabel.CARDIOMEGALY,
            ChexpertLabel.LUNG_OPACITY, ChexpertLabel.LUNG_LESION, ChexpertLabel.CONSOLIDATION,
            ChexpertLabel.PNEUMOTHORAX, ChexpertLabel.PLEURAL_EFFUSION, ChexpertLabel.SUPPORT_DEVICES);

    /** A pleural effusion: side, size and the height of its meniscus above the costophrenic angle in mm. */
    public record Effusion(Side side, Severity size, double heightMm) {
        public Effusion {
            Objects.requireNonNull(side, "side");
            Objects.requireNonNull(size, "size");
        }
    }

    /** A pneumothorax: side (never bilateral), size and the pleural gap at the lateral chest wall in mm. */
    public record Pneumothorax(Side side, Severity size, double gapMm) {
        public Pneumothorax {
            if (side == null || side == Side.BILATERAL) {
                throw new IllegalArgumentException("a pneumothorax is left or right");
            }
            Objects.requireNonNull(size, "size");
        }
    }

    /**
     * A solitary pulmonary nodule.
     *
     * @param lobe       the lobe it projects in
     * @param diameterMm its diameter
     * @param u          centre across the image in the unrotated frame, 0..1 (0 = image left = patient right)
     * @param v          centre down the image in the unrotated frame, 0..1
     */
    public record Nodule(Lobe lobe, double diameterMm, double u, double v) {
        public Nodule {
            Objects.requireNonNull(lobe, "lobe");
        }
    }

    /** Lobar consolidation (airspace opacity filling part of one lobe, with air bronchograms). */
    public record Consolidation(Lobe lobe) {
        public Consolidation {
            Objects.requireNonNull(lobe, "lobe");
        }
    }

    public Findings {
        devices = devices == null || devices.isEmpty() ? Set.of()
                : java.util.Collections.unmodifiableSet(EnumSet.copyOf(devices)); // enum order, stable output
    }

    public boolean cardiomegaly() {
        return cardiothoracicRatio > CARDIOMEGALY_CTR;
    }

    /** True when nothing but support devices is present (CheXpert's "No Finding"). */
    public boolean noFinding() {
        return !cardiomegaly() && effusion == null && pneumothorax == null && nodule == null && consolidation == null;
    }

    /** Devices in a stable order (enum order). */
    public Set<Device> devicesInOrder() {
        return devices.isEmpty() ? Set.of() : EnumSet.copyOf(devices);
    }

    /**
     * Truth for all 14 CheXpert observations in CheXpert order: true when present. Consolidation also counts as Lung
     * Opacity (its parent in the CheXpert hierarchy); a nodule is Lung Lesion. Observations outside {@link #MODELED}
     * are never drawn and so are false.
     */
    public Map<ChexpertLabel, Boolean> chexpert() {
        Map<ChexpertLabel, Boolean> m = new EnumMap<>(ChexpertLabel.class);
        for (ChexpertLabel l : ChexpertLabel.values()) {
            m.put(l, false);
        }
        m.put(ChexpertLabel.NO_FINDING, noFinding());
        m.put(ChexpertLabel.CARDIOMEGALY, cardiomegaly());
        m.put(ChexpertLabel.LUNG_OPACITY, consolidation != null);
        m.put(ChexpertLabel.LUNG_LESION, nodule != null);
        m.put(ChexpertLabel.CONSOLIDATION, consolidation != null);
        m.put(ChexpertLabel.PNEUMOTHORAX, pneumothorax != null);
        m.put(ChexpertLabel.PLEURAL_EFFUSION, effusion != null);
        m.put(ChexpertLabel.SUPPORT_DEVICES, !devices.isEmpty());
        return m;
    }

    /** Display names of the observations present, e.g. ["Cardiomegaly", "Pleural Effusion"]. */
    public Set<String> positiveLabels() {
        Set<String> out = new java.util.LinkedHashSet<>();
        chexpert().forEach((l, v) -> {
            if (v) {
                out.add(l.displayName());
            }
        });
        return out;
    }
}
