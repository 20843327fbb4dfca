package org.medvl.data.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * OmniMedVQA (Hu et al., CVPR 2024): {@code QA_information/Open-access/*.json} and
 * {@code QA_information/Restricted-access/*.json}, one file per source dataset, each an array of {dataset,
 * question_id, question_type, question, gt_answer, option_A..option_D, image_path, modality_type}; image paths are
 * relative to the OmniMedVQA folder. A benchmark: every item is a multiple-choice test item.
 */
public final class OmniMedVqa extends FileDataset {
    private static final List<String> OPTIONS = List.of("option_A", "option_B", "option_C", "option_D", "option_E");

    public OmniMedVqa(LoadContext ctx) {
        super(ctx, RecordKind.VQA);
    }

    @Override
    protected Stream<VqaItem> readVqa() {
        if (!ctx.wants(Split.TEST)) {
            return Stream.empty();
        }
        List<Path> files = new ArrayList<>();
        for (String access : List.of("Open-access", "Restricted-access")) {
            files.addAll(Folders.list(ctx, ctx.root().resolve("QA_information").resolve(access),
                    Folders.endsWith(".json")));
        }
        if (files.isEmpty()) {
            ctx.problems().skipped(ctx.root().resolve("QA_information"), 0, null,
                    "no QA_information/Open-access/*.json or Restricted-access/*.json found");
        }
        return files.stream().flatMap(f -> Sources.map(Sources.jsonArray(f, ctx.problems()), ctx.problems(), this::item));
    }

    private VqaItem item(JsonRow r) {
        List<String> options = new ArrayList<>();
        for (String o : OPTIONS) {
            String v = r.opt(o);
            if (v != null) {
                options.add(v);
            }
        }
        String answer = r.text("gt_answer");
        if (!options.isEmpty() && !options.contains(answer)) {
            throw new BadRecord("gt_answer \"" + answer + "\" is not one of the options");
        }
        String path = ctx.imagePath(ctx.root(), r.text("image_path"));
        // One record used "modality" for "modality_type" in a release; accept both.
        ImageRef img = new ImageRef(LoadContext.stem(path), path, r.optFirstOf("modality_type", "modality"), null, null);
        String source = r.opt("dataset") != null ? r.opt("dataset") : LoadContext.stem(r.file().toString());
        return new VqaItem(source + "/" + r.text("question_id"), img, r.text("question"), answer, AnswerType.CLOSED,
                Fields.value(r.opt("question_type")), Split.TEST, "en", options, null);
    }
}
