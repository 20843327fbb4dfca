package org.medvl.data.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.CsvRow;
import org.medvl.data.io.Sources;

/**
 * IU X-ray (Demner-Fushman et al. 2016), the Open-i Indiana chest X-ray reports, in its two common layouts:
 * <ul>
 * <li>R2Gen (Chen et al. 2020): {@code annotation.json} {"train": [...], "val": [...], "test": [...]}, each record
 * {id, report, image_path: ["CXR1_1_IM-0001/0.png", ...], split}, images under {@code images/}. R2Gen's "report" is
 * the findings text, so it fills the findings section. Name {@code iu-xray}. When {@code indiana_reports.csv} sits
 * beside it, the MeSH/Problems tags of the same uid are attached.</li>
 * <li>The "indiana" CSVs: {@code indiana_reports.csv} (uid, MeSH, Problems, image, indication, comparison, findings,
 * impression) and {@code indiana_projections.csv} (uid, filename, projection), images under
 * {@code images/images_normalized/} (or {@code images/}). Unsplit. Name {@code iu-xray-indiana}; also the fallback of
 * {@code iu-xray} when there is no annotation.json.</li>
 * </ul>
 * Reports load without images: an absent images folder is one warning, and {@code data inspect} counts the images as
 * missing.
 */
public final class IuXray extends FileDataset {
    private static final Pattern R2GEN_UID = Pattern.compile("^CXR(\\d+)_");
    private final boolean csvOnly;

    private IuXray(LoadContext ctx, boolean csvOnly) {
        super(ctx, RecordKind.STUDY);
        this.csvOnly = csvOnly;
    }

    public static IuXray open(LoadContext ctx) {
        return new IuXray(ctx, false);
    }

    public static IuXray openIndiana(LoadContext ctx) {
        return new IuXray(ctx, true);
    }

    @Override
    protected Stream<ReportStudy> readStudies() {
        Path annotation = csvOnly ? null : ctx.firstExisting("annotation.json", "annotation_r2gen.json");
        return annotation != null ? r2gen(annotation) : indiana();
    }

    private Stream<ReportStudy> r2gen(Path annotation) {
        Path images = imageDir("images");
        Map<String, List<String>> tags = ctx.firstExisting("indiana_reports.csv") != null ? tagsByUid() : Map.of();
        return R2GenAnnotation.read(ctx, annotation, images, id -> {
            Matcher m = R2GEN_UID.matcher(id);
            return m.find() ? tags.getOrDefault(m.group(1), List.of()) : List.of();
        });
    }

    private Stream<ReportStudy> indiana() {
        if (ctx.spec().split().isPresent()) {
            return Stream.empty(); // the CSV layout has no splits
        }
        Path images = imageDir("images/images_normalized", "images");
        Map<String, List<String[]>> projections = new HashMap<>();
        Path proj = ctx.file("indiana_projections.csv");
        if (Files.exists(proj)) {
            try (Stream<CsvRow> rows = Sources.csv(proj, ',', ctx.problems(), "uid", "filename", "projection")) {
                rows.forEach(r -> projections.computeIfAbsent(r.text("uid"), k -> new ArrayList<>())
                        .add(new String[] {r.text("filename"), r.opt("projection")}));
            }
        } else {
            ctx.problems().warning(proj, 0, null, "not found: studies load without image references");
        }
        Stream<CsvRow> rows = Sources.csv(ctx.file("indiana_reports.csv"), ',', ctx.problems(), "uid", "MeSH",
                "Problems", "findings", "impression");
        return Sources.map(rows, ctx.problems(), r -> {
            String uid = r.text("uid");
            List<ImageRef> refs = new ArrayList<>();
            for (String[] p : projections.getOrDefault(uid, List.of())) {
                refs.add(new ImageRef(LoadContext.stem(p[0]), ctx.imagePath(images, p[0]), "CR", "CHEST",
                        Fields.value(p[1])));
            }
            ReportSections s = new ReportSections(Fields.value(r.opt("indication")), Fields.value(r.opt("comparison")),
                    Fields.value(r.opt("findings")), Fields.value(r.opt("impression")), Map.of());
            return new ReportStudy(uid, refs, s, tags(r), Split.UNSPLIT, "en", null);
        });
    }

    private Map<String, List<String>> tagsByUid() {
        Map<String, List<String>> out = new HashMap<>();
        try (Stream<CsvRow> rows = Sources.csv(ctx.file("indiana_reports.csv"), ',', ctx.problems(), "uid", "MeSH",
                "Problems")) {
            rows.forEach(r -> {
                try {
                    out.put(r.text("uid"), tags(r));
                } catch (BadRecord e) {
                    ctx.problems().skipped(r.file(), r.line(), r.locator(), e.getMessage());
                }
            });
        }
        return out;
    }

    /** MeSH terms then Problems, each ';'-separated, without repeats ("normal" appears in both). */
    private static List<String> tags(CsvRow r) {
        List<String> out = new ArrayList<>();
        for (String col : List.of("MeSH", "Problems")) {
            String v = r.opt(col);
            if (v != null) {
                Arrays.stream(v.split(";")).map(String::trim).filter(t -> !t.isEmpty() && !out.contains(t))
                        .forEach(out::add);
            }
        }
        return out;
    }

    /** The first existing image folder; when none exists, one warning (reports still load) and the first name. */
    private Path imageDir(String... candidates) {
        Path p = ctx.firstExisting(candidates);
        if (p == null) {
            p = ctx.file(candidates[0]);
            ctx.problems().warning(p, 0, null, "images folder not found: reports load, images are reported missing");
        }
        return p;
    }
}
