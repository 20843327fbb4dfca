package org.medvl.data.format;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.Split;
import org.medvl.data.io.BadRecord;

/** Field conventions several datasets share: answer types, yes/no answers, ages and sexes written many ways. */
final class Fields {
    private static final Pattern AGE = Pattern.compile("^\\s*(\\d{1,3})(?:\\s*(y|yr|yrs|year|years|yo|-year-old)\\b.*)?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private Fields() {
    }

    /** The dataset's answer type when given, else closed for yes/no answers (PathVQA's and SLAKE's convention). */
    static AnswerType answerType(String given, String answer) {
        if (given != null && !given.isBlank()) {
            try {
                return AnswerType.parse(given);
            } catch (IllegalArgumentException e) {
                throw new BadRecord(e.getMessage());
            }
        }
        return isYesNo(answer) ? AnswerType.CLOSED : AnswerType.OPEN;
    }

    static boolean isYesNo(String answer) {
        String a = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("yes") || a.equals("no");
    }

    /** Null for the placeholders datasets use for "no value". */
    static String value(String s) {
        if (s == null) {
            return null;
        }
        String t = s.trim();
        return t.isEmpty() || t.equalsIgnoreCase("N/A") || t.equalsIgnoreCase("NULL") || t.equalsIgnoreCase("nan")
                || t.equalsIgnoreCase("none") || t.equals("-") ? null : t;
    }

    /** Age in whole years from "73", "73Y", "73 years", "073Y" (DICOM style); null when absent or not in years. */
    static Integer age(String s) {
        String v = value(s);
        if (v == null) {
            return null;
        }
        Matcher m = AGE.matcher(v);
        if (!m.matches()) {
            return null;
        }
        int age = Integer.parseInt(m.group(1));
        return age <= 150 ? age : null;
    }

    /** "M"/"F"/"O" from male/female/M/F/man/woman in English or Spanish; other text kept as given. */
    static String sex(String s) {
        String v = value(s);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "m", "male", "man", "masculino", "hombre" -> "M";
            case "f", "female", "woman", "femenino", "mujer" -> "F";
            case "o", "other" -> "O";
            default -> v;
        };
    }

    static Demographics demographics(String age, String sex, String race) {
        return new Demographics(age(age), sex(sex), value(race));
    }

    /** A split name from a file or key, as a bad record when unknown. */
    static Split split(String name) {
        try {
            return Split.parse(name);
        } catch (IllegalArgumentException e) {
            throw new BadRecord(e.getMessage());
        }
    }
}
