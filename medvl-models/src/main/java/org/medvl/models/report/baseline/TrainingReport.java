package org.medvl.models.report.baseline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One training study for a baseline: its images (one for an image-caption pair, several for a case) and its report.
 *
 * @param id     the study id, for explaining which training report a baseline returned
 * @param images the study's images, possibly empty (the constant baseline needs none)
 * @param text   the reference report
 */
public record TrainingReport(String id, List<Path> images, String text) {
    public TrainingReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        images = images == null ? List.of() : List.copyOf(images);
    }
}
