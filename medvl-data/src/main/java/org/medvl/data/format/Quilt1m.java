package org.medvl.data.format;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.CsvRow;
import org.medvl.data.io.Sources;

/**
 * Quilt-1M (Ikezogwo et al., NeurIPS 2023 Datasets): {@code quilt_1M_lookup.csv} with columns (an unnamed index,)
 * caption, image_path, subset (quilt, openpath, pubmed, laion), split, pathology, roi_text, noisy_text,
 * corrected_text, med_umls_ids, magnification, height, width; images under {@code quilt_1m/}. Streams row by row.
 */
public final class Quilt1m extends FileDataset {
    public Quilt1m(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        Path images = Folders.first(ctx, "quilt_1m", "images");
        Path csv = ctx.firstExisting("quilt_1M_lookup.csv", "quilt_1M_lookup.csv.gz");
        if (csv == null) {
            ctx.problems().skipped(ctx.root(), 0, null, "quilt_1M_lookup.csv not found");
            return Stream.empty();
        }
        return Sources.map(Sources.csv(csv, ',', ctx.problems(), "caption", "image_path"), ctx.problems(),
                r -> pair(r, images));
    }

    private ImageTextPair pair(CsvRow r, Path images) {
        String split = r.opt("split");
        Split s = split == null ? Split.UNSPLIT : Fields.split(split);
        ImageRef ref = ctx.image(images, r.text("image_path"));
        ImageRef img = new ImageRef(ref.id(), ref.path(), "histopathology", Fields.value(r.opt("pathology")), null);
        return new ImageTextPair(img.id(), img, r.text("caption"), s, "en", null);
    }
}
