package org.medvl.core.record;

import java.util.Locale;

/** VQA answer type: closed (yes/no or a fixed choice) or open (free text). */
public enum AnswerType {
    OPEN, CLOSED;

    /** Parses "OPEN", "CLOSED", "CLOSE", "yes/no" (closed) case-insensitively. */
    public static AnswerType parse(String s) {
        String n = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "open", "other", "free", "free-form" -> OPEN;
            case "closed", "close", "yes/no", "yesno", "yes_no", "binary" -> CLOSED;
            default -> throw new IllegalArgumentException("unknown answer type '" + s + "' (expected open or closed)");
        };
    }
}
