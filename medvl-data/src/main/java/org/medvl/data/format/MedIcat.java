package org.medvl.data.format;

import java.nio.file.Path;
import java.util.ArrayList;
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
 * MedICaT (Subramanian et al. 2020) as released: a JSON Lines file (e.g.
 * {@code s2_full_figures_oa_nonroco_combined_medical_top4_public.jsonl}, at the root or under {@code release/}) with
 * one figure per line {pdf_hash, fig_uri, fig_key, s2_caption, s2orc_caption, s2orc_references, radiology, ...};
 * figures under {@code release/figures/} (or {@code figures/}) named {@code <pdf_hash>_<fig_uri>}. Unsplit.
 */
public final class MedIcat extends FileDataset {
    public MedIcat(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        if (ctx.spec().split().isPresent()) {
            return Stream.empty(); // MedICaT publishes no splits
        }
        Path figures = Folders.first(ctx, "release/figures", "figures");
        List<Path> files = new ArrayList<>(Folders.list(ctx, ctx.root(), Folders.endsWith(".jsonl")));
        files.addAll(Folders.list(ctx, ctx.root().resolve("release"), Folders.endsWith(".jsonl")));
        if (files.isEmpty()) {
            ctx.problems().skipped(ctx.root(), 0, null, "no .jsonl file found at the root or under release/");
        }
        return files.stream().flatMap(f -> Sources.map(Sources.jsonLines(f, ctx.problems()), ctx.problems(),
                r -> pair(r, figures)));
    }

    private ImageTextPair pair(JsonRow r, Path figures) {
        String name = r.text("pdf_hash") + "_" + r.text("fig_uri");
        String path = ctx.imagePath(figures, name);
        String radiology = r.opt("radiology");
        ImageRef img = new ImageRef(LoadContext.stem(name), path, "true".equals(radiology) ? "radiology" : null, null, null);
        return new ImageTextPair(img.id(), img, r.firstOf("s2_caption", "s2orc_caption"), Split.UNSPLIT, "en", null);
    }
}
