package org.medvl.metrics.labeler;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits report text into sentences of lower-case tokens for the labeler. Hand-written rather than a general NLP
 * tokenizer because the labeler needs exactly three things, fast: sentence ends ('.', '?', '!' except inside numbers
 * such as "3.5"), clause punctuation kept as tokens ("," and ";"; ':' becomes ";") since negation scope stops at them,
 * and words with hyphens and slashes split ("air-space" = "air space") so phrase lists need one spelling only.
 */
final class ReportTokenizer {
    private ReportTokenizer() {
    }

    static List<String[]> sentences(String text) {
        List<String[]> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            } else if (c == '\'' && word.length() > 0 && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                word.append(c); // can't, patient's
            } else if (c == '.' && word.length() > 0 && Character.isDigit(word.charAt(word.length() - 1))
                    && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                word.append(c); // 3.5
            } else {
                flush(word, current);
                switch (c) {
                    case '.', '?', '!' -> endSentence(current, out);
                    case ',' -> current.add(",");
                    case ';', ':' -> current.add(";");
                    default -> {
                        // whitespace, hyphens, slashes, brackets, quotes: separators only
                    }
                }
            }
        }
        flush(word, current);
        endSentence(current, out);
        return out;
    }

    private static void flush(StringBuilder word, List<String> current) {
        if (word.length() > 0) {
            current.add(word.toString());
            word.setLength(0);
        }
    }

    private static void endSentence(List<String> current, List<String[]> out) {
        if (!current.isEmpty()) {
            out.add(current.toArray(new String[0]));
            current.clear();
        }
    }
}
