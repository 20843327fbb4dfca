package org.medvl.core.record;

import java.util.Objects;

/**
 * One image with its caption or report text (ROCO, MedICaT, PMC-OA, MedPix, Quilt-1M, ...).
 *
 * @param id           unique within the dataset
 * @param image        the image
 * @param text         the caption or report text
 * @param split        the split the dataset assigns
 * @param language     ISO 639-1 code of the text, e.g. "en", "zh", "es"
 * @param demographics patient attributes, {@link Demographics#UNKNOWN} when absent
 */
public record ImageTextPair(String id, ImageRef image, String text, Split split, String language,
                            Demographics demographics) {
    public ImageTextPair {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(text, "text");
        split = split == null ? Split.UNSPLIT : split;
        language = language == null ? "en" : language;
        demographics = demographics == null ? Demographics.UNKNOWN : demographics;
    }
}
