package org.medvl.eval.reportgen;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.MedvlException;
import java.util.function.Function;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.data.Dataset;
import org.medvl.data.RecordKind;
import org.medvl.models.report.ReportExample;

/**
 * Turns a dataset split into report-generation studies, by the same units as {@code medvl train report}: "image" gives
 * one single-image study per image-text pair (caption as reference); "study" gives one study per report study with all
 * its images and one report section as reference (R2Gen's "report" is the findings of IU X-ray and MIMIC-CXR; MedPix
 * cases have Findings); "auto" takes pairs when the dataset has them, else studies. Studies without images or without
 * the section's text are left out and counted.
 */
public final class ReportStudies {
    /** The studies and how many records were left out, with why. */
    public record Loaded(List<ReportEvaluation.Study> studies, RecordKind kind, int withoutText, int withoutImages) {
    }

    private ReportStudies() {
    }

    /**
     * Loads the split; {@code limit} > 0 keeps the first that many studies. Every image must exist on disk: a
     * missing one is an error naming it and how many are missing (images are required to generate).
     */
    public static Loaded load(Dataset ds, String spec, String unit, String section, int limit) {
        List<ReportEvaluation.Study> out = new ArrayList<>();
        int[] withoutText = {0};
        int[] withoutImages = {0};
        RecordKind kind;
        boolean wantPairs = switch (unit) {
            case "image" -> true;
            case "study" -> false;
            case "auto" -> ds.kinds().contains(RecordKind.PAIR);
            default -> throw new MedvlException("unit '" + unit + "' is not one of image, study, auto");
        };
        Function<ReportSections, String> pick = ReportExample.section(section);
        if (wantPairs && ds.kinds().contains(RecordKind.PAIR)) {
            kind = RecordKind.PAIR;
            try (var pairs = ds.pairs()) {
                pairs.forEach(p -> {
                    if (p.text().isBlank()) {
                        withoutText[0]++;
                    } else {
                        out.add(new ReportEvaluation.Study(p.id(), List.of(Path.of(p.image().path())), p.text()));
                    }
                });
            }
        } else if (!wantPairs && ds.kinds().contains(RecordKind.STUDY)) {
            kind = RecordKind.STUDY;
            try (var studies = ds.studies()) {
                studies.forEach(s -> add(s, pick, out, withoutText, withoutImages));
            }
        } else {
            throw new MedvlException("dataset " + spec + " holds no " + (wantPairs ? "image-text pairs" : "report studies")
                    + (unit.equals("auto") ? "" : " (--unit " + unit + ")"));
        }
        List<ReportEvaluation.Study> kept = limit > 0 && out.size() > limit ? List.copyOf(out.subList(0, limit))
                : List.copyOf(out);
        if (kept.isEmpty()) {
            throw new MedvlException("dataset " + spec + " has no " + (kind == RecordKind.PAIR ? "pairs" : "studies")
                    + " with images and report text in this split");
        }
        requireImages(kept, spec);
        return new Loaded(kept, kind, withoutText[0], withoutImages[0]);
    }

    private static void add(ReportStudy s, Function<ReportSections, String> pick, List<ReportEvaluation.Study> out,
                            int[] withoutText, int[] withoutImages) {
        String text = pick.apply(s.sections());
        if (text == null || text.isBlank()) {
            withoutText[0]++;
        } else if (s.images().isEmpty()) {
            withoutImages[0]++;
        } else {
            out.add(new ReportEvaluation.Study(s.id(), s.images().stream().map(ImageRef::path).map(Path::of).toList(),
                    text));
        }
    }

    private static void requireImages(List<ReportEvaluation.Study> studies, String spec) {
        Path first = null;
        int missing = 0;
        for (ReportEvaluation.Study s : studies) {
            for (Path p : s.images()) {
                if (!Files.isRegularFile(p)) {
                    missing++;
                    first = first == null ? p : first;
                }
            }
        }
        if (missing > 0) {
            throw new MedvlException("dataset " + spec + ": " + missing + " image file(s) not found, first " + first
                    + " (report generation needs the images; see `medvl data inspect`)");
        }
    }
}
