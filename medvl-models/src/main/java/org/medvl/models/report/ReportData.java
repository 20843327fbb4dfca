package org.medvl.models.report;

import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.data.Dataset;
import org.medvl.data.Datasets;

/**
 * Loads report-generation examples from a dataset spec ({@code NAME:PATH#split}): image-caption pairs (one image per
 * example) or studies (all images of a case with one section of its report). Examples with an empty text or, for
 * studies, no image are skipped and counted.
 */
public final class ReportData {
    /** The loaded examples and how many records were skipped. */
    public record Loaded(List<ReportExample> examples, int skipped) {
    }

    private ReportData() {
    }

    /**
     * @param unit    "image" for image-caption pairs, "study" for multi-image studies
     * @param section for studies: findings, impression or findings+impression
     * @param limit   at most this many examples (in dataset order), 0 for all
     */
    public static Loaded load(String spec, String unit, String section, int limit) {
        Dataset ds = Datasets.open(spec);
        int[] skipped = {0};
        List<ReportExample> out;
        if (unit.equals("image")) {
            try (Stream<ReportExample> s = ds.pairs().filter(p -> keep(!p.text().isBlank(), skipped))
                    .map(ReportExample::of)) {
                out = (limit > 0 ? s.limit(limit) : s).toList();
            }
        } else if (unit.equals("study")) {
            var pick = ReportExample.section(section);
            try (Stream<ReportExample> s = ds.studies()
                    .filter(st -> keep(!st.images().isEmpty() && !pick.apply(st.sections()).isBlank(), skipped))
                    .map(st -> ReportExample.of(st, pick))) {
                out = (limit > 0 ? s.limit(limit) : s).toList();
            }
        } else {
            throw new MedvlException("unit '" + unit + "' is not one of image, study");
        }
        if (out.isEmpty()) {
            throw new MedvlException("dataset " + spec + " has no " + (unit.equals("image") ? "image-text pairs"
                    : "studies with images and a " + section + " text")
                    + (ds.problemCount() > 0 ? " (" + ds.problemCount() + " problems, first: " + ds.problems().get(0)
                    + ")" : ""));
        }
        return new Loaded(out, skipped[0]);
    }

    private static boolean keep(boolean ok, int[] skipped) {
        if (!ok) {
            skipped[0]++;
        }
        return ok;
    }
}
