package org.medvl.metrics.labeler;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A phrase in the labeler's vocabulary files, matched against a sentence's tokens. Syntax, space-separated elements:
 * <ul>
 *   <li>{@code effusion} a literal token (lower case; hyphens and slashes in the text are already separators)</li>
 *   <li>{@code effusion|effusions} any one of several tokens</li>
 *   <li>{@code enlarg*} any token starting with "enlarg"</li>
 *   <li>{@code pleural?} an optional element (may be combined: {@code left|right?})</li>
 *   <li>{@code ...} a gap of up to 4 tokens, {@code ~2} a gap of up to 2; a gap never crosses "," ";" or "but"</li>
 * </ul>
 * The first element must be a required token. A match is the longest one starting at a position.
 */
final class PhrasePattern {
    private static final int DEFAULT_GAP = 4;
    private static final Set<String> BARRIERS = Set.of(",", ";", "but", "however", "although", "though");

    private record Element(String[] exact, String[] prefixes, boolean optional, int gap) {
        boolean test(String token) {
            for (String e : exact) {
                if (e.equals(token)) {
                    return true;
                }
            }
            for (String p : prefixes) {
                if (token.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    private final String source;
    private final Element[] elements;

    private PhrasePattern(String source, Element[] elements) {
        this.source = source;
        this.elements = elements;
    }

    /** Parses a pattern; IllegalArgumentException with the reason when malformed. */
    static PhrasePattern parse(String source) {
        String[] parts = source.trim().toLowerCase(java.util.Locale.ROOT).split("\\s+");
        List<Element> els = new ArrayList<>();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals("...") || part.matches("~\\d+")) {
                int gap = part.equals("...") ? DEFAULT_GAP : Integer.parseInt(part.substring(1));
                if (els.isEmpty()) {
                    throw new IllegalArgumentException("a pattern cannot start with a gap: \"" + source + "\"");
                }
                els.add(new Element(new String[0], new String[0], false, gap));
                continue;
            }
            boolean optional = part.endsWith("?");
            String body = optional ? part.substring(0, part.length() - 1) : part;
            List<String> exact = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (String alt : body.split("\\|")) {
                if (alt.isEmpty() || alt.equals("*")) {
                    throw new IllegalArgumentException("empty alternative in \"" + source + "\"");
                }
                if (alt.endsWith("*")) {
                    prefixes.add(alt.substring(0, alt.length() - 1));
                } else {
                    exact.add(alt);
                }
            }
            if (els.isEmpty() && optional) {
                throw new IllegalArgumentException("the first element cannot be optional: \"" + source + "\"");
            }
            els.add(new Element(exact.toArray(new String[0]), prefixes.toArray(new String[0]), optional, 0));
        }
        if (els.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        if (els.get(els.size() - 1).gap() > 0) {
            throw new IllegalArgumentException("a pattern cannot end with a gap: \"" + source + "\"");
        }
        return new PhrasePattern(source, els.toArray(new Element[0]));
    }

    /** Literal tokens that can start a match (for indexing). */
    String[] firstExact() {
        return elements[0].exact();
    }

    /** Prefixes that can start a match (for indexing). */
    String[] firstPrefixes() {
        return elements[0].prefixes();
    }

    /** End (exclusive) of the longest match starting at {@code pos}, or -1. */
    int matchAt(String[] tokens, int pos) {
        return match(tokens, pos, 0);
    }

    private int match(String[] t, int pos, int e) {
        if (e == elements.length) {
            return pos;
        }
        Element el = elements[e];
        if (el.gap() > 0) {
            // Shortest gap first: the nearest completion is the intended one ("heart ... enlarged").
            for (int g = 0; g <= el.gap() && pos + g <= t.length; g++) {
                if (g > 0 && BARRIERS.contains(t[pos + g - 1])) {
                    return -1;
                }
                int r = match(t, pos + g, e + 1);
                if (r >= 0) {
                    return r;
                }
            }
            return -1;
        }
        int best = -1;
        if (pos < t.length && el.test(t[pos])) {
            best = match(t, pos + 1, e + 1);
        }
        if (el.optional()) {
            best = Math.max(best, match(t, pos, e + 1));
        }
        return best;
    }

    @Override
    public String toString() {
        return source;
    }
}
