package org.medvl.data.format;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * SLAKE (Liu et al., ISBI 2021) as released: {@code train.json}, {@code validate.json}, {@code test.json}, each an
 * array of {qid, img_id, img_name: "xmlab102/source.jpg", question, answer, q_lang: "en"|"zh", answer_type,
 * content_type, modality, location, base_type, triple}; images under {@code imgs/}. English and Chinese questions
 * both load, with their language.
 */
public final class Slake extends FileDataset {
    public Slake(LoadContext ctx) {
        super(ctx, RecordKind.VQA);
    }

    @Override
    protected Stream<VqaItem> readVqa() {
        Path images = Folders.first(ctx, "imgs", "images");
        return SplitFiles.read(ctx, SplitFiles.standard(".json"), (file, split) -> Sources.map(
                Sources.jsonArray(file, ctx.problems()), ctx.problems(), r -> item(r, split, images)));
    }

    private VqaItem item(JsonRow r, Split split, Path images) {
        String answer = r.text("answer").trim();
        String path = ctx.imagePath(images, r.text("img_name"));
        String imageId = r.opt("img_id") != null ? "xmlab" + r.opt("img_id") : LoadContext.stem(path);
        ImageRef img = new ImageRef(imageId, path, Fields.value(r.opt("modality")), Fields.value(r.opt("location")), null);
        String id = split.id() + "-" + (r.opt("qid") != null ? r.opt("qid") : Long.toString(r.index()));
        return new VqaItem(id, img, r.text("question"), answer, Fields.answerType(r.opt("answer_type"), answer),
                Fields.value(r.opt("content_type")), split, r.opt("q_lang") == null ? "en" : r.opt("q_lang"),
                List.of(), null);
    }
}
