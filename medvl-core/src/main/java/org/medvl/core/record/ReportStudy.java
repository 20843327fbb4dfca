package org.medvl.core.record;

import java.util.List;
import java.util.Objects;

/**
 * One imaging study with its report: several images (views or slices) and one sectioned report.
 *
 * @param id           study id, unique within the dataset
 * @param images       the study's images, possibly empty when a dataset ships reports only
 * @param sections     the report, split into sections
 * @param tags         human finding tags where the dataset has them (e.g. IU X-ray MeSH/Problems), else empty
 * @param split        the split the dataset assigns
 * @param language     ISO 639-1 code
 * @param demographics patient attributes, {@link Demographics#UNKNOWN} when absent
 */
public record ReportStudy(String id, List<ImageRef> images, ReportSections sections, List<String> tags, Split split,
                          String language, Demographics demographics) {
    public ReportStudy {
        Objects.requireNonNull(id, "id");
        images = images == null ? List.of() : List.copyOf(images);
        sections = sections == null ? ReportSections.EMPTY : sections;
        tags = tags == null ? List.of() : List.copyOf(tags);
        split = split == null ? Split.UNSPLIT : split;
        language = language == null ? "en" : language;
        demographics = demographics == null ? Demographics.UNKNOWN : demographics;
    }
}
