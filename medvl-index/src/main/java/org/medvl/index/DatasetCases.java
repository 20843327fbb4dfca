package org.medvl.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.data.Dataset;

/**
 * Turns any loaded dataset into indexable cases, one per image. Image-caption pairs give the caption; when the
 * dataset also has studies (MedPix 2.0 cases, IU X-ray reports), each image is linked to its study, which gives the
 * case id, report and diagnosis. Images that appear only in studies are indexed with the report alone, and studies
 * without images become text-only cases.
 */
public final class DatasetCases {
    private DatasetCases() {
    }

    /** The cases of {@code dataset}; studies are read into memory first (they are few), pairs are streamed. */
    public static Stream<IndexedCase> of(Dataset dataset) {
        Map<String, ReportStudy> studyOfImage = new HashMap<>();
        List<ReportStudy> studies = new ArrayList<>();
        try (Stream<ReportStudy> s = dataset.studies()) {
            s.forEach(study -> {
                studies.add(study);
                for (ImageRef img : study.images()) {
                    studyOfImage.putIfAbsent(img.id(), study);
                }
            });
        }
        Set<String> seen = new HashSet<>();
        String name = dataset.name();
        Stream<IndexedCase> fromPairs = dataset.pairs().map(p -> {
            seen.add(p.image().id());
            return fromPair(p, studyOfImage.get(p.image().id()), name);
        });
        // Concatenated lazily so `seen` is complete before study-only images are considered.
        Stream<IndexedCase> fromStudies = Stream.of(studies).flatMap(all -> all.stream()
                .flatMap(study -> fromStudy(study, seen, name)));
        return Stream.concat(fromPairs, fromStudies);
    }

    static IndexedCase fromPair(ImageTextPair p, ReportStudy study, String dataset) {
        ImageRef img = p.image();
        return new IndexedCase(p.id(), img.path(), p.text(), study == null ? "" : reportText(study.sections()),
                study == null ? "" : study.sections().impression(), img.modality(), img.bodyPart(), p.split().id(),
                study == null ? null : study.id(), dataset);
    }

    private static Stream<IndexedCase> fromStudy(ReportStudy study, Set<String> seen, String dataset) {
        String report = reportText(study.sections());
        String diagnosis = study.sections().impression();
        if (study.images().isEmpty()) {
            return Stream.of(new IndexedCase(study.id(), null, "", report, diagnosis, null, null, study.split().id(),
                    study.id(), dataset));
        }
        return study.images().stream().filter(img -> !seen.contains(img.id()))
                .map(img -> new IndexedCase(img.id(), img.path(), "", report, diagnosis, img.modality(),
                        img.bodyPart(), study.split().id(), study.id(), dataset));
    }

    /**
     * The report text indexed for BM25: title, indication/history, findings, impression/diagnosis and differential.
     * Long background sections (discussion, topic essays) are left out: they describe the disease in general and
     * would make every case of a topic match every query about it.
     */
    static String reportText(ReportSections s) {
        List<String> parts = new ArrayList<>();
        add(parts, s.other().get("title"));
        add(parts, s.indication());
        add(parts, s.findings());
        add(parts, s.impression());
        add(parts, s.other().get("differential diagnosis"));
        return String.join("\n", parts);
    }

    private static void add(List<String> parts, String text) {
        if (text != null && !text.isBlank() && !parts.contains(text)) {
            parts.add(text);
        }
    }
}
