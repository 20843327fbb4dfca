package org.medvl.eval.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** A seeded subset that does not depend on input order: items ranked by a hash of (seed, id). */
public final class Sampling {
    private Sampling() {
    }

    public static <T> List<T> subset(List<T> items, Function<T, String> id, int limit, long seed) {
        if (limit <= 0 || limit >= items.size()) {
            return items;
        }
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingLong(t -> mix(seed, id.apply(t))));
        List<T> chosen = new ArrayList<>(sorted.subList(0, limit));
        chosen.sort(Comparator.comparingInt(items::indexOf)); // keep dataset order for readability
        return chosen;
    }

    private static long mix(long seed, String id) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        return h ^ (h >>> 33);
    }
}
