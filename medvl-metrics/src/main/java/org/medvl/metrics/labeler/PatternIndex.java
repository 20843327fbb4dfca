package org.medvl.metrics.labeler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Patterns indexed by their first token, so matching a sentence costs one hash lookup per token. */
final class PatternIndex<T> {
    /** A match of a rule: token span [start, end). */
    record Match<T>(T rule, int start, int end) {
    }

    private final Map<String, List<T>> byFirst = new HashMap<>();
    private final List<T> byPrefix = new ArrayList<>();
    private final Function<T, PhrasePattern> patternOf;

    PatternIndex(List<T> rules, Function<T, PhrasePattern> patternOf) {
        this.patternOf = patternOf;
        for (T r : rules) {
            PhrasePattern p = patternOf.apply(r);
            for (String first : p.firstExact()) {
                byFirst.computeIfAbsent(first, k -> new ArrayList<>()).add(r);
            }
            if (p.firstPrefixes().length > 0) {
                byPrefix.add(r);
            }
        }
    }

    /** Every rule matching at {@code pos}, with its longest match. */
    void matchesAt(String[] tokens, int pos, List<Match<T>> out) {
        List<T> candidates = byFirst.get(tokens[pos]);
        if (candidates != null) {
            for (T r : candidates) {
                add(r, tokens, pos, out);
            }
        }
        for (T r : byPrefix) {
            PhrasePattern p = patternOf.apply(r);
            for (String prefix : p.firstPrefixes()) {
                if (tokens[pos].startsWith(prefix)) {
                    add(r, tokens, pos, out);
                    break;
                }
            }
        }
    }

    private void add(T r, String[] tokens, int pos, List<Match<T>> out) {
        int end = patternOf.apply(r).matchAt(tokens, pos);
        if (end > pos) {
            out.add(new Match<>(r, pos, end));
        }
    }
}
