package org.medvl.data.format;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * PMC-OA (Lin et al., PMC-CLIP 2023) as published on the Hugging Face hub: {@code train.jsonl}, {@code valid.jsonl},
 * {@code test.jsonl} (or the unsplit {@code pmc_oa.jsonl} / {@code pmc_oa_beta.jsonl}), one object per line
 * {"image": "PMC212319_Fig3_4.jpg", "caption": "...", "pmcid": "PMC212319", "url_name": "..."}; images from
 * images.zip, unpacked into {@code images/} or its own folder {@code caption_T060_filtered_top4_sep_v0_subfigures/}.
 * Streams line by line, so the 1.6M-record file reads in bounded memory.
 */
public final class PmcOa extends FileDataset {
    public PmcOa(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        Path images = Folders.first(ctx, "images", "caption_T060_filtered_top4_sep_v0_subfigures");
        List<SplitFiles.Candidate> splits = List.of(SplitFiles.Candidate.of(Split.TRAIN, "train.jsonl"),
                SplitFiles.Candidate.of(Split.VALIDATION, "valid.jsonl", "val.jsonl"),
                SplitFiles.Candidate.of(Split.TEST, "test.jsonl"));
        if (SplitFiles.existing(ctx, splits).isEmpty() && ctx.spec().split().isEmpty()) {
            Path whole = ctx.firstExisting("pmc_oa.jsonl", "pmc_oa_beta.jsonl");
            if (whole != null) {
                return read(whole, Split.UNSPLIT, images);
            }
        }
        return SplitFiles.read(ctx, splits, (file, split) -> read(file, split, images));
    }

    private Stream<ImageTextPair> read(Path file, Split split, Path images) {
        return Sources.map(Sources.jsonLines(file, ctx.problems()), ctx.problems(), r -> pair(r, split, images));
    }

    private ImageTextPair pair(JsonRow r, Split split, Path images) {
        String image = r.text("image");
        ImageRef ref = ImageRef.of(LoadContext.stem(image), ctx.imagePath(images, image));
        return new ImageTextPair(ref.id(), ref, r.text("caption"), split, "en", null);
    }
}
