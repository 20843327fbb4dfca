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

    @Test
    void metadataLossNeedsAnotherFieldAndAWeightInRange() {
        ClipTrainOptions o = plain("{modality} {plane}. {caption}");
        assertFalse(o.usesMetadataTexts());
        ClipTrainOptions m = o.withMetadataLoss(0.5f);
        assertTrue(m.usesMetadataTexts());
        assertFalse(m.identicalTextsMatch(), "the caption loss keeps its own setting");
        assertEquals(0.5f, m.withSeed(7).metadataLoss());
        assertEquals(0.5f, m.withCaptionDropout(0.3f, false).metadataLoss());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> plain("{caption}").withMetadataLoss(1f));
        assertTrue(e.getMessage().contains("metadata loss"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> o.withMetadataLoss(-1f));
        assertThrows(IllegalArgumentException.class, () -> o.withMetadataLoss(Float.NaN));
    }

    @Test
    void locationDropoutNeedsTheLocationFieldAndCaptionLessTexts() {
        ClipExample e = new ClipExample("a", Path.of("a.png"), "Mass.", "CT", "Axial", "Brain and Neuro");
        ClipTrainOptions o = plain("{modality} {plane} {location}. {caption}").withCaptionDropout(0.85f, false);
        assertEquals("CT Axial Brain and Neuro.", o.metadataText(e));
        assertEquals("CT Axial.", o.coarseMetadataText(e));
        assertEquals(0.5f, o.withLocationDropout(0.5f).withSeed(3).locationDropout());
        assertThrows(IllegalArgumentException.class, () -> o.withLocationDropout(1.5f));
        assertThrows(IllegalArgumentException.class,
                () -> plain("{modality} {location}. {caption}").withLocationDropout(0.5f));
        assertThrows(IllegalArgumentException.class,
                () -> plain("{modality}. {caption}").withCaptionDropout(0.5f, false).withLocationDropout(0.5f));
    }
}
