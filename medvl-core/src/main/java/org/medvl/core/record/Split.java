package org.medvl.core.record;

import java.util.Locale;

/** The split a record belongs to, under the names datasets use for it. */
public enum Split {
    TRAIN, VALIDATION, TEST, UNSPLIT;

    /** Parses the names datasets publish: train, val, valid, validate, validation, dev, test, all. */
    public static Split parse(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "train", "training", "trn" -> TRAIN;
            case "val", "valid", "validate", "validation", "dev", "development" -> VALIDATION;
            case "test", "testing", "tst" -> TEST;
            case "", "all", "unsplit", "none" -> UNSPLIT;
            default -> throw new IllegalArgumentException(
                    "unknown split '" + name + "' (expected train, validation/val/dev, test or all)");
        };
    }

    /** Lower-case name as used on the command line and in manifests. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
