package org.medvl.data.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.data.LoadContext;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * R2Gen's {@code annotation.json} (Chen et al., EMNLP 2020), the split file most IU X-ray and MIMIC-CXR report
 * generation papers use: {"train": [...], "val": [...], "test": [...]}, each record {id, report, image_path: [...],
 * split} (MIMIC adds study_id and subject_id). The "report" is the findings text R2Gen trains on.
 */
final class R2GenAnnotation {
    private R2GenAnnotation() {
    }

    /**
     * The studies of the wanted splits; images resolve under {@code images}, {@code tags} gives finding tags for a
     * study id (empty when the dataset has none).
     */
    static Stream<ReportStudy> read(LoadContext ctx, Path annotation, Path images,
                                    Function<String, List<String>> tags) {
        return Sources.map(Sources.jsonKeyedArrays(annotation, ctx.problems()), ctx.problems(), r -> {
            Split split = Fields.split(r.group() != null ? r.group().trim() : r.text("split"));
            return ctx.wants(split) ? study(ctx, r, split, images, tags) : null;
        }).filter(java.util.Objects::nonNull);
    }

    private static ReportStudy study(LoadContext ctx, JsonRow r, Split split, Path images,
                                     Function<String, List<String>> tags) {
        String id = r.text("id");
        List<ImageRef> refs = new ArrayList<>();
        for (String p : r.list("image_path")) {
            String path = ctx.imagePath(images, p);
            // the relative path without extension ("CXR1_1_IM-0001/0") is unique; the file stem ("0") is not
            String imageId = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : p;
            refs.add(new ImageRef(imageId, path, "CR", "CHEST", null));
        }
        return new ReportStudy(id, refs, ReportSections.of(r.text("report"), ""), tags.apply(id), split, "en", null);
    }
}
