package org.medvl.data.inspect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of categorical values (splits, answer types, question types, languages, sexes). At most {@link #MAX_KEYS}
 * distinct values are kept so a free-text field misused as a category cannot exhaust memory; the rest are "(other)".
 */
public final class Tally {
    static final int MAX_KEYS = 500;
    private final Map<String, Long> counts = new TreeMap<>();

    public void add(String value) {
        String k = value == null ? "(none)" : value;
        if (!counts.containsKey(k) && counts.size() >= MAX_KEYS) {
            k = "(other)";
        }
        counts.merge(k, 1L, Long::sum);
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Values by descending count. */
    public Map<String, Long> sorted() {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
