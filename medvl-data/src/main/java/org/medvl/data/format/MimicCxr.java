package org.medvl.data.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.core.text.ReportSectionParser;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.CsvRow;
import org.medvl.data.io.Sources;

/**
 * MIMIC-CXR (Johnson et al. 2019) with MIMIC-CXR-JPG: {@code mimic-cxr-2.0.0-split.csv[.gz]} (dicom_id, study_id,
 * subject_id, split), {@code mimic-cxr-2.0.0-metadata.csv[.gz]} (dicom_id, ..., ViewPosition),
 * {@code mimic-cxr-2.0.0-chexpert.csv[.gz]} (subject_id, study_id, 14 findings: 1.0 positive, 0.0 negative, -1.0
 * uncertain, blank unmentioned), reports at {@code files/pXX/pSUBJECT/sSTUDY.txt} (root or
 * {@code mimic-cxr-reports/}) split into sections, images at {@code files/pXX/pSUBJECT/sSTUDY/DICOM_ID.jpg}. When
 * MIMIC-IV's {@code patients.csv[.gz]} (gender, anchor_age) and {@code admissions.csv[.gz]} (race) sit beside them,
 * studies get demographics. Tags are the CheXpert-labeler positives. Split rows are grouped per study in memory
 * (~400k rows for the full release). Without the split CSV, R2Gen's MIMIC {@code annotation.json} (images under
 * {@code images/}) is read instead, as most report-generation papers use it.
 */
public final class MimicCxr extends FileDataset {
    private static final String[] FINDINGS = {"Atelectasis", "Cardiomegaly", "Consolidation", "Edema",
        "Enlarged Cardiomediastinum", "Fracture", "Lung Lesion", "Lung Opacity", "No Finding", "Pleural Effusion",
        "Pleural Other", "Pneumonia", "Pneumothorax", "Support Devices"};

    public MimicCxr(LoadContext ctx) {
        super(ctx, RecordKind.STUDY);
    }

    private record Study(String subject, String study, Split split, List<String> dicoms) {
    }

    @Override
    protected Stream<ReportStudy> readStudies() {
        Path split = csv("mimic-cxr-2.0.0-split");
        Path annotation = ctx.firstExisting("annotation.json");
        if (split == null && annotation != null) {
            return R2GenAnnotation.read(ctx, annotation, Folders.first(ctx, "images", "files"), id -> List.of());
        }
        if (split == null) {
            ctx.problems().skipped(ctx.root(), 0, null, "mimic-cxr-2.0.0-split.csv[.gz] not found");
            return Stream.empty();
        }
        Map<String, Study> studies = new LinkedHashMap<>();
        try (Stream<CsvRow> rows = Sources.csv(split, ',', ctx.problems(), "dicom_id", "study_id", "subject_id", "split")) {
            rows.forEach(r -> {
                try {
                    Split s = Fields.split(r.text("split"));
                    if (ctx.wants(s)) {
                        studies.computeIfAbsent(r.text("study_id"), k -> new Study(r.text("subject_id"), k, s,
                                new ArrayList<>())).dicoms().add(r.text("dicom_id"));
                    }
                } catch (org.medvl.data.io.BadRecord e) {
                    ctx.problems().skipped(r.file(), r.line(), r.locator(), e.getMessage());
                }
            });
        }
        Map<String, String> views = column(csv("mimic-cxr-2.0.0-metadata"), "dicom_id", "ViewPosition");
        Map<String, List<String>> tags = chexpert(csv("mimic-cxr-2.0.0-chexpert"));
        Map<String, String> sex = column(csv("patients"), "subject_id", "gender");
        Map<String, String> age = column(csv("patients"), "subject_id", "anchor_age");
        Map<String, String> race = column(csv("admissions"), "subject_id", "race");
        Path files = Files.isDirectory(ctx.root().resolve("files")) ? ctx.root().resolve("files")
                : ctx.root().resolve("mimic-cxr-reports").resolve("files");
        return studies.values().stream().map(s -> study(s, files, views, tags.getOrDefault(s.study(), List.of()),
                Fields.demographics(age.get(s.subject()), sex.get(s.subject()), race.get(s.subject()))))
                .filter(java.util.Objects::nonNull);
    }

    private ReportStudy study(Study s, Path files, Map<String, String> views, List<String> tags, Demographics d) {
        Path dir = files.resolve("p" + s.subject().substring(0, Math.min(2, s.subject().length())))
                .resolve("p" + s.subject());
        Path report = dir.resolve("s" + s.study() + ".txt");
        String text = Sources.readText(report, ctx.problems());
        if (text == null) {
            return null;
        }
        List<ImageRef> images = new ArrayList<>();
        for (String dicom : s.dicoms()) {
            String path = ctx.imagePath(dir.resolve("s" + s.study()), dicom + ".jpg");
            images.add(new ImageRef(dicom, path, "CR", "CHEST", views.get(dicom)));
        }
        return new ReportStudy("s" + s.study(), images, ReportSectionParser.parse(text), tags, s.split(), "en", d);
    }

    private Path csv(String stem) {
        return ctx.firstExisting(stem + ".csv", stem + ".csv.gz");
    }

    /** key column -> value column of an optional CSV; empty when the file is absent. */
    private Map<String, String> column(Path file, String key, String value) {
        Map<String, String> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        try (Stream<CsvRow> rows = Sources.csv(file, ',', ctx.problems(), key, value)) {
            rows.forEach(r -> {
                String v = r.opt(value);
                if (v != null && r.opt(key) != null) {
                    out.putIfAbsent(r.opt(key), v);
                }
            });
        }
        return out;
    }

    private Map<String, List<String>> chexpert(Path file) {
        Map<String, List<String>> out = new HashMap<>();
        if (file == null) {
            return out;
        }
        try (Stream<CsvRow> rows = Sources.csv(file, ',', ctx.problems(), "study_id")) {
            rows.forEach(r -> {
                List<String> positive = new ArrayList<>();
                for (String f : FINDINGS) {
                    String v = r.opt(f);
                    if (v != null && (v.equals("1.0") || v.equals("1"))) {
                        positive.add(f);
                    }
                }
                out.put(r.text("study_id"), positive);
            });
        }
        return out;
    }
}
