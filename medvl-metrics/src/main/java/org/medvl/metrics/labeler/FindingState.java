package org.medvl.metrics.labeler;

/**
 * The state of one observation in one report, as the CheXpert labeler reports it: 1 (positive), 0 (negative), -1
 * (uncertain) or blank (not mentioned).
 */
public enum FindingState {
    POSITIVE("1"),
    NEGATIVE("0"),
    UNCERTAIN("-1"),
    NOT_MENTIONED("");

    private final String chexpertCode;

    FindingState(String chexpertCode) {
        this.chexpertCode = chexpertCode;
    }

    /** The value in a CheXpert-format label CSV: "1", "0", "-1" or "" (blank). */
    public String chexpertCode() {
        return chexpertCode;
    }

    /** Parses a CheXpert CSV cell: 1, 0, -1, blank (also 1.0 / 0.0 / -1.0 as pandas writes them). */
    public static FindingState fromCode(String cell) {
        String c = cell == null ? "" : cell.trim();
        return switch (c) {
            case "1", "1.0" -> POSITIVE;
            case "0", "0.0" -> NEGATIVE;
            case "-1", "-1.0" -> UNCERTAIN;
            case "", "nan", "NaN" -> NOT_MENTIONED;
            default -> throw new IllegalArgumentException("label value must be 1, 0, -1 or blank, got \"" + cell + "\"");
        };
    }

    /**
     * Merging rule for several mentions of one observation in a report (CheXpert): any positive mention makes it
     * positive; otherwise any uncertain one makes it uncertain; otherwise negative if mentioned at all.
     */
    FindingState merge(FindingState other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(FindingState s) {
        return switch (s) {
            case POSITIVE -> 3;
            case UNCERTAIN -> 2;
            case NEGATIVE -> 1;
            case NOT_MENTIONED -> 0;
        };
    }
}
