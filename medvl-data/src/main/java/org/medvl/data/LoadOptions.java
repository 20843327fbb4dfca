package org.medvl.data;

/**
 * How a dataset is opened.
 *
 * @param strict stop at the first problem with a {@link org.medvl.core.MedvlException} instead of skipping the record
 */
public record LoadOptions(boolean strict) {
    public static final LoadOptions LENIENT = new LoadOptions(false);
    public static final LoadOptions STRICT = new LoadOptions(true);
}
