package org.medvl.core.text;

import java.text.Normalizer;

/** Whitespace and Unicode normalisation applied to report and caption text before anything else sees it. */
public final class TextNormalizer {
    private TextNormalizer() {
    }

    /**
     * NFKC-normalises (full-width letters, ligatures, non-breaking spaces become their plain forms), drops control and
     * zero-width characters, maps every Unicode space and line break to a single ASCII space, and trims.
     */
    public static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else if (isInvisible(cp)) {
                continue;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * Like {@link #normalize} but keeps line structure: each line is normalised on its own and blank lines collapse
     * to one, so paragraph and header boundaries survive.
     */
    public static String normalizeLines(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\u2028', '\n').replace('\u2029', '\n');
        StringBuilder out = new StringBuilder(s.length());
        boolean blank = false;
        for (String line : s.split("\n", -1)) {
            String n = normalize(line);
            if (n.isEmpty()) {
                blank = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(blank ? "\n\n" : "\n");
            }
            out.append(n);
            blank = false;
        }
        return out.toString();
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }
}
