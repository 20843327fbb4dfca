package org.medvl.data.format;

import java.nio.file.Files;
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
 * OpenPath (Huang et al., PLIP 2023). The authors distribute tweet ids, not files, so there is no published file
 * layout to follow; medvl reads the table users build when rehydrating: {@code openpath.csv} (or
 * {@code train.csv}/{@code val.csv}/{@code test.csv}) with an image column (image, image_path or filename, relative to
 * {@code images/}) and a text column (text or caption). Documented as such in the registry.
 */
public final class OpenPath extends FileDataset {
    public OpenPath(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        Path images = Folders.first(ctx, "images", ".");
        Path whole = ctx.file("openpath.csv");
        if (Files.exists(whole) && ctx.spec().split().isEmpty()) {
            return read(whole, Split.UNSPLIT, images);
        }
        return SplitFiles.read(ctx, SplitFiles.standard(".csv"), (f, s) -> read(f, s, images));
    }

    private Stream<ImageTextPair> read(Path file, Split split, Path images) {
        return Sources.map(Sources.csv(file, ',', ctx.problems()), ctx.problems(), r -> pair(r, split, images));
    }

    private ImageTextPair pair(CsvRow r, Split split, Path images) {
        ImageRef img = ctx.image(images, r.firstOf("image", "image_path", "filename"));
        return new ImageTextPair(img.id(), img, r.firstOf("text", "caption"), split, "en", null);
    }
}
