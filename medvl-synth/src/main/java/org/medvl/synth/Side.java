package org.medvl.synth;

import java.util.Locale;

/**
 * The patient's side. Images are displayed as a PA radiograph is read, facing the patient, so the patient's right is
 * on the image's left.
 */
public enum Side {
    RIGHT, LEFT, BILATERAL;

    /** "right", "left" or "bilateral", as reports and VQA answers write it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** -1 for the image's left half (patient right), +1 for the image's right half (patient left). */
    int imageSign() {
        if (this == BILATERAL) {
            throw new IllegalStateException("bilateral has no single side");
        }
        return this == RIGHT ? -1 : 1;
    }

    boolean covers(Side s) {
        return this == BILATERAL || this == s;
    }
}
