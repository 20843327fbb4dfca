package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ClipTrainOptionsTest {
    static ClipTrainOptions plain(String template) {
        return new ClipTrainOptions(1, 8, 1e-3f, 1e-5f, 1, 0.1f, 1f, 1, 1, 0, null, 100, template);
    }

    @Test
    void captionDropoutKeepsTheTemplatesOtherFieldsAndImpliesIdenticalMatches() {
        ClipExample e = new ClipExample("MPX1_a", Path.of("a.png"), "Mass in the left lobe.", "CT", "Axial");
        ClipTrainOptions o = plain("{modality} {plane}. {caption}");
        assertFalse(o.identicalTextsMatch());
        assertEquals("CT Axial. Mass in the left lobe.", o.text(e));
        ClipTrainOptions d = o.withCaptionDropout(0.5f, false);
        assertTrue(d.identicalTextsMatch());
        assertEquals("CT Axial.", d.metadataText(e));
    }

    @Test
    void captionDropoutNeedsAnotherFieldAndAFractionBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> plain("{caption}").withCaptionDropout(0.5f, false));
        assertThrows(IllegalArgumentException.class,
                () -> plain("{modality}. {caption}").withCaptionDropout(1f, false));
        assertEquals(0f, plain("{caption}").withCaptionDropout(0f, true).captionDropout());
    }
}
