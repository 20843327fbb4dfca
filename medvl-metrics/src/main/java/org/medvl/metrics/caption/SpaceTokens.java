package org.medvl.metrics.caption;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One item's texts split on single spaces (ROUGE-L's rule) and numbered with an item-local vocabulary. */
final class SpaceTokens {
    private SpaceTokens() {
    }

    /** Row 0 is the hypothesis, rows 1.. the references. */
    static int[][] of(String hyp, List<String> refs) {
        Map<String, Integer> vocab = new HashMap<>();
        int[][] out = new int[refs.size() + 1][];
        out[0] = ids(hyp, vocab);
        for (int j = 0; j < refs.size(); j++) {
            out[j + 1] = ids(refs.get(j), vocab);
        }
        return out;
    }

    /** True when {@code split(" ")} and {@code split()} agree: non-empty words separated by single spaces. */
    static boolean singleSpaced(String text) {
        int n = text.length();
        if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ' ? text.charAt(i + 1) == ' ' : PyStrings.isSpace(c)) {
                return false;
            }
        }
        return true;
    }

    private static int[] ids(String text, Map<String, Integer> vocab) {
        String[] words = PyStrings.splitSpace(text);
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            ids[i] = vocab.computeIfAbsent(words[i], w -> vocab.size());
        }
        return ids;
    }
}
