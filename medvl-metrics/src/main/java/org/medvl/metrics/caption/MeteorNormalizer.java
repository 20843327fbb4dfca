package org.medvl.metrics.caption;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text preparation for METEOR's {@code -norm}: lower-case and split punctuation from words, in the style of the
 * mteval-v13a tokenizer that METEOR's normalizer follows (periods and commas stay inside numbers, hyphens after a
 * digit stay). On COCO input, which PTB tokenization has already lower-cased and stripped of punctuation, this
 * changes nothing.
 */
final class MeteorNormalizer {
    private static final Pattern PUNCT = Pattern.compile("([\\{-\\~\\[-\\` -\\&\\(-\\+\\:-\\@\\/])");
    private static final Pattern PERIOD_COMMA_1 = Pattern.compile("([^0-9])([\\.,])");
    private static final Pattern PERIOD_COMMA_2 = Pattern.compile("([\\.,])([^0-9])");
    private static final Pattern DASH = Pattern.compile("([0-9])(-)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private MeteorNormalizer() {
    }

    static String[] words(String text) {
        String t = " " + text.toLowerCase(Locale.ROOT) + " ";
        t = PUNCT.matcher(t).replaceAll(" $1 ");
        t = PERIOD_COMMA_1.matcher(t).replaceAll("$1 $2 ");
        t = PERIOD_COMMA_2.matcher(t).replaceAll(" $1 $2");
        t = DASH.matcher(t).replaceAll("$1 $2 ");
        t = SPACES.matcher(t.trim()).replaceAll(" ");
        return t.isEmpty() ? new String[0] : t.split(" ");
    }
}
