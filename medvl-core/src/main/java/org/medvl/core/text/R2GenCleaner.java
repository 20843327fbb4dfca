package org.medvl.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report cleaning of R2Gen (Chen et al., EMNLP 2020), which R2GenCMN and most IU X-ray / MIMIC-CXR report
 * generation papers reuse for both training targets and references, reproduced character for character so scores
 * computed on its output compare with theirs.
 *
 * <p>Steps, as in the published tokenizer: literal replacements (MIMIC first joins lines and collapses runs of "__"
 * and double spaces; both collapse ".." and drop list numbers "1. ".."5. "), strip, lowercase, split on ". ", then per
 * sentence delete {@code " / \ '}, strip, lowercase, and delete every character of the class
 * {@code [.,?;*!%^&_+():-\[\]{}]}. That class contains the range ':' to '[' (so ; < = > ? @ and A-Z go too, while
 * hyphens and digits stay), and "effusion/pneumothorax" becomes "effusionpneumothorax". Sentences are rejoined with
 * " . " plus a final " .". The original keeps empty sentences (its filter compares a string with a list and so
 * never drops anything); this does too.
 *
 * <p>Written by hand because it must reproduce Python's {@code str.replace}/{@code split} semantics exactly (Java's
 * {@code String.split} drops trailing empty parts and takes a regex); no library offers this function.
 */
public final class R2GenCleaner {
    private R2GenCleaner() {
    }

    /** R2Gen's {@code clean_report_iu_xray}. */
    public static String cleanIu(String report) {
        String t = report == null ? "" : report;
        for (int i = 0; i < 3; i++) {
            t = t.replace("..", ".");
        }
        return finish(dropListNumbers(t));
    }

    /** R2Gen's {@code clean_report_mimic_cxr}. */
    public static String cleanMimic(String report) {
        String t = report == null ? "" : report;
        t = t.replace("\n", " ");
        for (int i = 0; i < 7; i++) {
            t = t.replace("__", "_");
        }
        for (int i = 0; i < 6; i++) {
            t = t.replace("  ", " ");
        }
        for (int i = 0; i < 8; i++) {
            t = t.replace("..", ".");
        }
        return finish(dropListNumbers(t));
    }

    private static String dropListNumbers(String t) {
        t = t.replace("1. ", "");
        for (String n : List.of("2", "3", "4", "5")) {
            t = t.replace(". " + n + ". ", ". ");
        }
        for (String n : List.of("2", "3", "4", "5")) {
            t = t.replace(" " + n + ". ", ". ");
        }
        return t;
    }

    private static String finish(String t) {
        List<String> sentences = splitLiteral(lower(pyStrip(t)), ". ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            if (i > 0) {
                out.append(" . ");
            }
            out.append(cleanSentence(sentences.get(i)));
        }
        return out.append(" .").toString();
    }

    private static String cleanSentence(String s) {
        String t = lower(pyStrip(s.replace("\"", "").replace("/", "").replace("\\", "").replace("'", "")));
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!deleted(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The character class {@code [.,?;*!%^&_+():-\[\]{}]}, including the range ':'..'['. */
    private static boolean deleted(char c) {
        return (c >= ':' && c <= '[') || ".,?;*!%^&_+()]{}".indexOf(c) >= 0;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Python's {@code str.split(sep)}: literal separator, empty parts kept (also at the end). */
    static List<String> splitLiteral(String s, String sep) {
        List<String> out = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            out.add(s.substring(from, at));
            from = at + sep.length();
        }
        out.add(s.substring(from));
        return out;
    }

    /** Python's {@code str.strip()}: Unicode whitespace, which includes no-break spaces and U+001C..U+001F. */
    static String pyStrip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && pySpace(s.charAt(start))) {
            start++;
        }
        while (end > start && pySpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean pySpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }
}
