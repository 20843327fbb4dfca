package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;

class ClipExampleTest {
    private static final String TEMPLATE = "{modality} {plane} {location}. {caption}";

    @Test
    void templateFillsEveryField() {
        ClipExample e = new ClipExample("MPX1_a", Path.of("a.png"), "Mass.", "CT", "Axial", "Brain and Neuro");
        assertEquals("CT Axial Brain and Neuro. Mass.", e.text(TEMPLATE));
        assertEquals("CT Axial Brain and Neuro.", new ClipTrainOptions(1, 8, 1e-3f, 1e-5f, 1, 0.1f, 1f, 1, 1, 0,
                null, 100, TEMPLATE, 0.5f, false).metadataText(e));
    }

    @Test
    void unknownFieldsLeaveNoStraySpaces() {
        assertEquals("CT Axial. Mass.", new ClipExample("a", Path.of("a.png"), "Mass.", "CT", "Axial").text(TEMPLATE));
        assertEquals("CT Brain and Neuro. Mass.",
                new ClipExample("a", Path.of("a.png"), "Mass.", "CT", null, "Brain and Neuro").text(TEMPLATE));
        assertEquals(". Mass.", new ClipExample("a", Path.of("a.png"), "Mass.", null, null, "").text(TEMPLATE));
        assertEquals("Mass.", new ClipExample("a", Path.of("a.png"), "Mass.", null, null).text("{caption}"));
    }

    @Test
    void locationComesFromTheImagesBodyPart() {
        ImageTextPair pair = new ImageTextPair("p1", new ImageRef("p1", "img/p1.png", "MR", "Spine", "Sagittal"),
                "Disc bulge.", null, "en", null);
        ClipExample e = ClipExample.of(pair);
        assertEquals("MR Sagittal Spine. Disc bulge.", e.text(TEMPLATE));
    }
}
