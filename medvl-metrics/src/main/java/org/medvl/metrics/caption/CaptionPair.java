package org.medvl.metrics.caption;

import java.util.List;

/** One item to score: its references (at least one) and the generated text. */
public record CaptionPair(List<String> refs, String hyp) {
    public CaptionPair {
        refs = List.copyOf(refs);
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("an item needs at least one reference");
        }
        if (hyp == null) {
            throw new IllegalArgumentException("an item needs a hypothesis (it may be empty)");
        }
    }
}
