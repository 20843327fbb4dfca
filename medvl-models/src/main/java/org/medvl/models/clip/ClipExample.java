package org.medvl.models.clip;

import java.nio.file.Path;
import java.util.Objects;
import org.medvl.core.record.ImageTextPair;

/**
 * One training or evaluation example of a CLIP-style model: an image, its text, and the labels zero-shot evaluation
 * can score (null when unknown).
 *
 * @param modality e.g. "CT", "MR"
 * @param plane    e.g. "Axial", "Coronal", "Sagittal"
 * @param location the body region, e.g. MedPix's "Brain and Neuro", "Chest, Pulmonary"
 */
public record ClipExample(String id, Path image, String text, String modality, String plane, String location) {
    public ClipExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
    }

    /** An example without a known location. */
    public ClipExample(String id, Path image, String text, String modality, String plane) {
        this(id, image, text, modality, plane, null);
    }

    /**
     * The text built from {@code template}: {caption}, {modality}, {plane} and {location} are replaced. An unknown
     * field is left out together with one space beside it, so "{modality} {plane} {location}. {caption}" without a
     * location reads "CT Axial. ...", the same words as the template without the field.
     */
    public String text(String template) {
        String t = fill(template, "{modality}", modality);
        t = fill(t, "{plane}", plane);
        t = fill(t, "{location}", location);
        return t.replace("{caption}", text).trim();
    }

    private static String fill(String template, String field, String value) {
        if (value != null && !value.isEmpty()) {
            return template.replace(field, value);
        }
        return template.replace(" " + field, "").replace(field + " ", "").replace(field, "");
    }

    public static ClipExample of(ImageTextPair pair) {
        return new ClipExample(pair.id(), Path.of(pair.image().path()), pair.text(), pair.image().modality(),
                pair.image().view(), pair.image().bodyPart());
    }
}
