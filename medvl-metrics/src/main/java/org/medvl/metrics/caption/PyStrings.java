package org.medvl.metrics.caption;

import java.util.ArrayList;
import java.util.List;

/**
 * Python's string splitting, which the reference scorers use: {@code s.split()} splits on any Unicode whitespace and
 * drops empty pieces (BLEU, CIDEr-D); {@code s.split(" ")} splits on each single space and keeps empty pieces
 * (ROUGE-L). Java's {@code String.split} matches neither, so both are written out here.
 */
final class PyStrings {
    private PyStrings() {
    }

    /** Python's {@code str.isspace()} for one character (Py_UNICODE_ISSPACE). */
    static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F') || c == '\u0085'
                || c == '\u00A0' || c == '\u1680' || (c >= '\u2000' && c <= '\u200A') || c == '\u2028'
                || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
    }

    /** {@code s.split()}. */
    static String[] splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSpace(s.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out.toArray(new String[0]);
    }

    /** {@code s.split(" ")}. */
    static String[] splitSpace(String s) {
        return s.split(" ", -1);
    }
}
