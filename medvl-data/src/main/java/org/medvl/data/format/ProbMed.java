package org.medvl.data.format;

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
 * ProbMed (Yan et al. 2024), the probing evaluation set: {@code probmed.json} (also published as {@code test.json}),
 * an array of {id (the image id), image (path relative to the image folder), question, answer ("yes"/"no"), qa_type
 * (modality, body_part, abnormality, entity_gt_N / entity_hallu_N, grounding_...), image_type}. Questions come in
 * adversarial pairs sharing an image; qa_type is kept as the question type so a metric can re-pair them.
 */
public final class ProbMed extends FileDataset {
    public ProbMed(LoadContext ctx) {
        super(ctx, RecordKind.VQA);
    }

    @Override
    protected Stream<VqaItem> readVqa() {
        return SplitFiles.read(ctx, List.of(SplitFiles.Candidate.of(Split.TEST, "probmed.json", "test.json")),
                (file, split) -> Sources.map(Sources.jsonArray(file, ctx.problems()), ctx.problems(), this::item));
    }

    private VqaItem item(JsonRow r) {
        String answer = r.text("answer").trim();
        String path = ctx.imagePath(Folders.first(ctx, "images", "."), r.text("image"));
        ImageRef img = new ImageRef(r.text("id"), path, Fields.value(r.opt("image_type")), null, null);
        return new VqaItem(r.text("id") + "-" + r.index(), img, r.text("question"), answer,
                Fields.answerType(null, answer), Fields.value(r.opt("qa_type")), Split.TEST, "en", List.of(), null);
    }
}
