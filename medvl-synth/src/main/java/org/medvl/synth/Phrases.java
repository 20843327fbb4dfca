package org.medvl.synth;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/** Random choice among phrasings and the list joining radiologists use ("A, B, or C"). */
final class Phrases {
    private final SplittableRandom r;

    Phrases(SplittableRandom r) {
        this.r = r;
    }

    String pick(String... options) {
        return options[r.nextInt(options.length)];
    }

    /** A uniform index in [0, n). */
    int index(int n) {
        return r.nextInt(n);
    }

    boolean chance(double p) {
        return r.nextDouble() < p;
    }

    /** "a", "a or b", "a, b, or c" (serial comma half the time). */
    String join(List<String> items, String conjunction) {
        if (items.size() == 1) {
            return items.get(0);
        }
        if (items.size() == 2) {
            return items.get(0) + " " + conjunction + " " + items.get(1);
        }
        String head = String.join(", ", items.subList(0, items.size() - 1));
        return head + (chance(0.5) ? "," : "") + " " + conjunction + " " + items.get(items.size() - 1);
    }

    /** Shuffles in place (Fisher-Yates). */
    <T> void shuffle(List<T> items) {
        for (int i = items.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = items.get(i);
            items.set(i, items.get(j));
            items.set(j, t);
        }
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
