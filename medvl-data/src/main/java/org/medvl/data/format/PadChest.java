package org.medvl.data.format;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.CsvRow;
import org.medvl.data.io.Sources;

/**
 * PadChest (Bustos et al. 2020): {@code PADCHEST_chest_x_ray_images_labels_160K_01.02.19.csv} (also .csv.gz) with one
 * row per image (ImageID, ImageDir, StudyDate_DICOM, StudyID, PatientBirth, PatientSex_DICOM, ViewPosition_DICOM,
 * Projection, Modality_DICOM, Report, Labels, ...); images at {@code <ImageDir>/<ImageID>}. Each image pairs with its
 * study's Spanish report (as the authors ship it: pre-processed, lower-case stems); age is the study year minus the
 * birth year. Patient and study ids are never copied into records or messages.
 */
public final class PadChest extends FileDataset {
    public PadChest(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        if (ctx.spec().split().isPresent()) {
            return Stream.empty(); // PadChest publishes no splits
        }
        Path csv = Folders.list(ctx, ctx.root(), n -> n.startsWith("PADCHEST_chest_x_ray_images_labels")
                && (n.endsWith(".csv") || n.endsWith(".csv.gz"))).stream().findFirst().orElse(null);
        if (csv == null) {
            ctx.problems().skipped(ctx.root(), 0, null, "PADCHEST_chest_x_ray_images_labels_*.csv not found");
            return Stream.empty();
        }
        return Sources.map(Sources.csv(csv, ',', ctx.problems(), "ImageID", "ImageDir", "Report"), ctx.problems(),
                this::pair);
    }

    private ImageTextPair pair(CsvRow r) {
        String imageId = r.text("ImageID");
        String path = ctx.imagePath(ctx.root().resolve(r.text("ImageDir").trim()), imageId);
        ImageRef img = new ImageRef(LoadContext.stem(imageId), path, Fields.value(r.opt("Modality_DICOM")), "CHEST",
                Fields.value(r.optFirstOf("ViewPosition_DICOM", "Projection")));
        Demographics d = new Demographics(age(r.opt("StudyDate_DICOM"), r.opt("PatientBirth")),
                Fields.sex(r.opt("PatientSex_DICOM")), null);
        return new ImageTextPair(img.id(), img, r.text("Report").trim(), Split.UNSPLIT, "es", d);
    }

    /** Study year (yyyymmdd) minus birth year; null when either is absent or odd. */
    static Integer age(String studyDate, String birthYear) {
        try {
            if (studyDate == null || birthYear == null || studyDate.length() < 4) {
                return null;
            }
            int age = Integer.parseInt(studyDate.substring(0, 4)) - (int) Double.parseDouble(birthYear);
            return age >= 0 && age <= 120 ? age : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
