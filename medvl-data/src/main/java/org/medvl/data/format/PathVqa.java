package org.medvl.data.format;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * PathVQA (He et al. 2020) in its per-split JSON export: {@code train.json}, {@code val.json} (or validate/valid/dev),
 * {@code test.json}, each an array of {question, answer, image, question_type?, answer_type?}, image paths relative
 * to the dataset folder. Without an answer_type, yes/no answers are closed and the rest open, as in the paper.
 */
public final class PathVqa extends FileDataset {
    public PathVqa(LoadContext ctx) {
        super(ctx, RecordKind.VQA);
    }

    @Override
    protected Stream<VqaItem> readVqa() {
        return SplitFiles.read(ctx, SplitFiles.standard(".json"), this::read);
    }

    private Stream<VqaItem> read(Path file, Split split) {
        return Sources.map(Sources.jsonArray(file, ctx.problems()), ctx.problems(), r -> item(r, split));
    }

    private VqaItem item(JsonRow r, Split split) {
        String answer = r.text("answer").trim();
        String qtype = Fields.value(r.opt("question_type"));
        return new VqaItem(split.id() + "-" + r.index(), ctx.image(ctx.root(), r.firstOf("image", "image_path")),
                r.text("question"), answer, Fields.answerType(r.opt("answer_type"), answer), qtype, split, "en",
                List.of(), null);
    }
}
