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
 */
public record ClipExample(String id, Path image, String text, String modality, String plane) {
    public ClipExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
    }

    /** The text built from {@code template}: {caption}, {modality} and {plane} are replaced (unknown as ""). */
    public String text(String template) {
        return template.replace("{modality}", modality == null ? "" : modality)
                .replace("{plane}", plane == null ? "" : plane).replace("{caption}", text).trim();
    }

    public static ClipExample of(ImageTextPair pair) {
        return new ClipExample(pair.id(), Path.of(pair.image().path()), pair.text(), pair.image().modality(),
                pair.image().view());
    }
}
