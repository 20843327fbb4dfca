package org.medvl.models.tokenizer;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The BERT text normaliser and pre-tokeniser, matching HuggingFace tokenizers' {@code BertNormalizer} (clean text,
 * CJK spacing, lower-casing, accent stripping) and {@code BertPreTokenizer} (split on whitespace, isolate every
 * punctuation character), so medvl's tokenizer and the tokenizer.json it writes give the same ids.
 */
final class BertPreTokenizer {
    private BertPreTokenizer() {
    }

    /** Normalises as BertNormalizer with clean_text, handle_chinese_chars, lowercase and strip_accents. */
    static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                sb.append(' ');
            } else if (isChineseChar(c)) {
                sb.append(' ').appendCodePoint(c).append(' ');
            } else {
                sb.appendCodePoint(c);
            }
        });
        // Lower-case per code point as the Rust binding does (no context-sensitive final sigma).
        StringBuilder lower = new StringBuilder(sb.length());
        sb.toString().codePoints().forEach(c -> lower.append(lowercase(c)));
        String nfd = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length());
        nfd.codePoints().filter(c -> Character.getType(c) != Character.NON_SPACING_MARK).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** Splits normalised text into words: whitespace separates, every punctuation character is a word of its own. */
    static List<String> split(String normalized) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        normalized.codePoints().forEach(c -> {
            if (isWhitespace(c)) {
                flush(cur, words);
            } else if (isPunctuation(c)) {
                flush(cur, words);
                words.add(new String(Character.toChars(c)));
            } else {
                cur.appendCodePoint(c);
            }
        });
        flush(cur, words);
        return words;
    }

    private static void flush(StringBuilder cur, List<String> words) {
        if (cur.length() > 0) {
            words.add(cur.toString());
            cur.setLength(0);
        }
    }

    private static String lowercase(int c) {
        // Rust's char::to_lowercase expands U+0130 to "i\u0307"; Java's per-char mapping does not.
        return c == 0x130 ? "i\u0307" : new String(Character.toChars(Character.toLowerCase(c)));
    }

    static boolean isWhitespace(int c) {
        // Rust's char::is_whitespace: the Unicode White_Space property.
        int t = Character.getType(c);
        return (c >= 9 && c <= 13) || c == ' ' || c == 0x85 || t == Character.SPACE_SEPARATOR
                || t == Character.LINE_SEPARATOR || t == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int t = Character.getType(c);
        return t == Character.CONTROL || t == Character.FORMAT || t == Character.PRIVATE_USE
                || t == Character.SURROGATE || t == Character.UNASSIGNED;
    }

    static boolean isPunctuation(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    private static boolean isChineseChar(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F) || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
