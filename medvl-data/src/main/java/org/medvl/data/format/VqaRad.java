package org.medvl.data.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * VQA-RAD (Lau et al. 2018). Two layouts:
 * <ul>
 * <li>MEVF split (Nguyen et al. 2019, used by most papers): {@code trainset.json} (3,064 QA) and {@code testset.json}
 * (451 QA), at the root or under {@code splits_mevf/}, images in {@code images/}.</li>
 * <li>The OSF release: {@code VQA_RAD Dataset Public.json}, 2,248 base questions; the official test set is the
 * records whose phrase_type is test_freeform or test_para, the rest is train.</li>
 * </ul>
 * Name {@code vqa-rad} uses the MEVF files when present and the OSF JSON otherwise; {@code vqa-rad-osf} always reads
 * the OSF JSON.
 */
public final class VqaRad extends FileDataset {
    static final String OSF_JSON = "VQA_RAD Dataset Public.json";
    private final boolean osfOnly;

    private VqaRad(LoadContext ctx, boolean osfOnly) {
        super(ctx, RecordKind.VQA);
        this.osfOnly = osfOnly;
    }

    public static VqaRad open(LoadContext ctx) {
        return new VqaRad(ctx, false);
    }

    public static VqaRad openOsf(LoadContext ctx) {
        return new VqaRad(ctx, true);
    }

    /** The folder holding the MEVF split files, or null. */
    private Path mevfDir() {
        for (Path d : List.of(ctx.root(), ctx.root().resolve("splits_mevf"))) {
            if (Files.exists(d.resolve("trainset.json")) || Files.exists(d.resolve("testset.json"))) {
                return d;
            }
        }
        return null;
    }

    @Override
    protected Stream<VqaItem> readVqa() {
        Path images = ctx.root().resolve("images");
        Path mevf = osfOnly ? null : mevfDir();
        if (mevf != null) {
            List<Stream<VqaItem>> parts = new ArrayList<>();
            if (ctx.wants(Split.TRAIN)) {
                parts.add(read(mevf.resolve("trainset.json"), images, Split.TRAIN));
            }
            if (ctx.wants(Split.TEST)) {
                parts.add(read(mevf.resolve("testset.json"), images, Split.TEST));
            }
            return parts.stream().flatMap(s -> s);
        }
        return read(ctx.root().resolve(OSF_JSON), images, null);
    }

    /** Reads one file; {@code split} null means "from phrase_type" (OSF layout). */
    private Stream<VqaItem> read(Path file, Path images, Split split) {
        return Sources.map(Sources.jsonArray(file, ctx.problems()), ctx.problems(), r -> item(r, images, split));
    }

    private VqaItem item(JsonRow r, Path images, Split fixed) {
        String phrase = r.opt("phrase_type");
        Split split = fixed != null ? fixed
                : phrase != null && phrase.trim().toLowerCase(Locale.ROOT).startsWith("test") ? Split.TEST : Split.TRAIN;
        String answer = r.text("answer").trim();
        ImageRef img = ctx.image(images, r.text("image_name"));
        img = new ImageRef(img.id(), img.path(), null, Fields.value(r.opt("image_organ")), null);
        String qtype = Fields.value(r.opt("question_type"));
        return new VqaItem(split.id() + "-" + r.text("qid"), img, r.text("question"), answer,
                Fields.answerType(r.opt("answer_type"), answer), qtype == null ? null : qtype.toUpperCase(Locale.ROOT),
                split, "en", List.of(), null);
    }
}
