package org.medvl.data;

/** The three typed record kinds a dataset can hold. */
public enum RecordKind {
    /** {@link org.medvl.core.record.VqaItem}. */
    VQA,
    /** {@link org.medvl.core.record.ImageTextPair}. */
    PAIR,
    /** {@link org.medvl.core.record.ReportStudy}. */
    STUDY;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
