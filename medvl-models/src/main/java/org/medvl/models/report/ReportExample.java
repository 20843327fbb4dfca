package org.medvl.models.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;

/**
 * One training or evaluation example: the images of one study (one image for image-caption data) and its report.
 */
public record ReportExample(String id, List<Path> images, String text) {
    public ReportExample {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("example " + id + " has no image");
        }
    }

    /** An image-caption pair as a one-image study. */
    public static ReportExample of(ImageTextPair pair) {
        return new ReportExample(pair.id(), List.of(Path.of(pair.image().path())), pair.text());
    }

    /** A study with the report text {@code section} picks (e.g. {@link ReportSections#findings}). */
    public static ReportExample of(ReportStudy study, Function<ReportSections, String> section) {
        return new ReportExample(study.id(), study.images().stream().map(ImageRef::path).map(Path::of).toList(),
                section.apply(study.sections()));
    }

    /** The report sections a study example can be trained on, by command-line name. */
    public static Function<ReportSections, String> section(String name) {
        return switch (name) {
            case "findings" -> ReportSections::findings;
            case "impression" -> ReportSections::impression;
            case "findings+impression" -> ReportSections::findingsAndImpression;
            default -> throw new IllegalArgumentException("report section '" + name
                    + "' is not one of findings, impression, findings+impression");
        };
    }
}
