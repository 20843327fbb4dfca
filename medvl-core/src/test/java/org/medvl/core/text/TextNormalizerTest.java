package org.medvl.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {
    @Test
    void collapsesWhitespaceAndUnicodeSpaces() {
        assertEquals("a b c", TextNormalizer.normalize("  a\u00a0\u2003b\n\t c  "));
    }

    @Test
    void nfkcFoldsFullWidthAndLigatures() {
        assertEquals("ABC fi 1cm", TextNormalizer.normalize("\uff21\uff22\uff23 \ufb01 1cm"));
    }

    @Test
    void dropsZeroWidthAndControls() {
        assertEquals("ab", TextNormalizer.normalize("a\u200b\u0000b\ufeff"));
    }

    @Test
    void nullIsEmpty() {
        assertEquals("", TextNormalizer.normalize(null));
        assertEquals("", TextNormalizer.normalizeLines(null));
    }

    @Test
    void keepsLinesAndCollapsesBlankRuns() {
        assertEquals("a b\n\nc", TextNormalizer.normalizeLines(" a  b \r\n\r\n\r\n c "));
    }
}
