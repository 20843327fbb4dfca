package org.medvl.metrics.labeler;

import java.util.Locale;

/** What a cue phrase in cues.tsv does to the mentions in its scope. */
enum CueType {
    /** Negates mentions after it in the clause: "no", "without", "no evidence of", "resolved". */
    NEGATION(true, false),
    /** Negates mentions before it in the clause: "is not seen", "has resolved". */
    NEGATION_AFTER(false, true),
    /** Negates mentions on either side: "resolved" ("resolved pneumonia", "the effusion resolved"). */
    NEGATION_BOTH(true, true),
    /** Makes mentions after it uncertain: "possible", "may represent", "cannot exclude". */
    UNCERTAINTY(true, false),
    /** Makes mentions before it uncertain: "is not excluded", "cannot be ruled out". */
    UNCERTAINTY_AFTER(false, true),
    /** Makes mentions on both sides uncertain: "versus". */
    UNCERTAINTY_BOTH(true, true),
    /** Looks like negation but is not, and shields what follows: "no change in", "not significantly changed". */
    PSEUDO(true, false),
    /** Ends the scope of an earlier cue: "but", "however", "there is". */
    STOP(false, false),
    /** Ends the scope of an earlier negation only: "no effusion, stable cardiomegaly" vs "possible mild edema". */
    STOP_NEGATION(false, false);

    final boolean forward;
    final boolean backward;

    CueType(boolean forward, boolean backward) {
        this.forward = forward;
        this.backward = backward;
    }

    boolean uncertain() {
        return this == UNCERTAINTY || this == UNCERTAINTY_AFTER || this == UNCERTAINTY_BOTH;
    }

    boolean negation() {
        return this == NEGATION || this == NEGATION_AFTER || this == NEGATION_BOTH;
    }

    static CueType parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown cue type \"" + s + "\"; valid: negation, negation-after, negation-both, "
                    + "uncertainty, uncertainty-after, uncertainty-both, pseudo, stop, stop-negation");
        }
    }
}
