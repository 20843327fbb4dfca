package org.medvl.synth;

/**
 * The 14 CheXpert observations in the labeler's column order (same names and order as medvl-metrics'
 * {@code Observation}, which this module does not depend on: match them by {@link #displayName()}).
 */
public enum ChexpertLabel {
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

    private final String displayName;

    ChexpertLabel(String displayName) {
        this.displayName = displayName;
    }

    /** The CheXpert column name, e.g. "Pleural Effusion". */
    public String displayName() {
        return displayName;
    }
}
