package org.medvl.synth;

import java.util.Locale;

/** Size grade of an effusion or pneumothorax, as radiologists grade them. */
public enum Severity {
    SMALL, MODERATE, LARGE;

    /** "small", "moderate", "large". */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
