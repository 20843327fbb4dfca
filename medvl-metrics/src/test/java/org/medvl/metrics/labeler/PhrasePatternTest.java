package org.medvl.metrics.labeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PhrasePatternTest {
    private static int match(String pattern, String text) {
        String[] tokens = ReportTokenizer.sentences(text).get(0);
        return PhrasePattern.parse(pattern).matchAt(tokens, 0);
    }

    @Test
    void alternativesPrefixesOptionalsAndGaps() {
        assertEquals(2, match("pleural effusion|effusions", "pleural effusions"));
        assertEquals(3, match("heart ~2 enlarg*", "heart is enlarged"));
        assertEquals(-1, match("heart ~1 enlarg*", "heart is mildly enlarged"));
        assertEquals(2, match("left pleural? effusion", "left effusion"));
        assertEquals(3, match("left pleural? effusion", "left pleural effusion"));
        assertEquals(3, match("air space disease|opacity", "air-space disease")); // hyphen splits
        assertEquals(-1, match("heart ... enlarg*", "heart normal, aorta enlarged")); // gaps stop at commas
    }

    @Test
    void tokenizerKeepsDecimalsAndSplitsSentences() {
        var s = ReportTokenizer.sentences("Nodule 3.5 cm.No effusion; clear lungs! Done");
        assertEquals(3, s.size());
        assertEquals("3.5", s.get(0)[1]);
        assertEquals(";", s.get(1)[2]);
    }

    @Test
    void malformedPatternsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.parse("... effusion"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.parse("effusion ..."));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.parse("small? effusion"));
        assertThrows(IllegalArgumentException.class, () -> PhrasePattern.parse("a||b"));
    }
}
