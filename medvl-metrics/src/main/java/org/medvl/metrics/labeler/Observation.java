package org.medvl.metrics.labeler;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The 14 CheXpert observations (Irvin et al., AAAI 2019) in the order the CheXpert labeler writes its columns, which
 * is also the column order of R2Gen / ViLMedic clinical-efficacy code.
 */
public enum Observation {
    NO_FINDING("No Finding"),
    ENLARGED_CARDIOMEDIASTINUM("Enlarged Cardiomediastinum"),
    CARDIOMEGALY("Cardiomegaly"),
    LUNG_OPACITY("Lung Opacity"),
    LUNG_LESION("Lung Lesion"),
    EDEMA("Edema"),
    CONSOLIDATION("Consolidation"),
    PNEUMONIA("Pneumonia"),
    ATELECTASIS("Atelectasis"),
    PNEUMOTHORAX("Pneumothorax"),
    PLEURAL_EFFUSION("Pleural Effusion"),
    PLEURAL_OTHER("Pleural Other"),
    FRACTURE("Fracture"),
    SUPPORT_DEVICES("Support Devices");

    /** The five CheXpert competition observations used by the "U-ones over 5" CE variant. */
    public static final Set<Observation> COMPETITION_FIVE =
            EnumSet.of(CARDIOMEGALY, EDEMA, CONSOLIDATION, ATELECTASIS, PLEURAL_EFFUSION);

    private static final List<Observation> ALL = List.of(values());

    private final String displayName;

    Observation(String displayName) {
        this.displayName = displayName;
    }

    /** The CheXpert column name, e.g. "Pleural Effusion". */
    public String displayName() {
        return displayName;
    }

    /** All 14 in CheXpert order. */
    public static List<Observation> all() {
        return ALL;
    }

    /**
     * Parses a CheXpert column name ("Pleural Effusion") or the enum name ("PLEURAL_EFFUSION"), ignoring case;
     * throws IllegalArgumentException listing the valid names otherwise.
     */
    public static Observation parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
        for (Observation o : ALL) {
            if (o.displayName.toLowerCase(Locale.ROOT).equals(n)) {
                return o;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (Observation o : ALL) {
            valid.append(valid.length() == 0 ? "" : ", ").append(o.displayName);
        }
        throw new IllegalArgumentException("unknown observation \"" + name + "\"; valid: " + valid);
    }

    @Override
    public String toString() {
        return displayName;
    }
}
