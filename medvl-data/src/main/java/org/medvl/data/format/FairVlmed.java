package org.medvl.data.format;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.NpzFile;

/**
 * Harvard-FairVLMed (Luo et al., FairCLIP, CVPR 2024): {@code Training/}, {@code Validation/}, {@code Testing/} with
 * one {@code data_xxxxx.npz} per patient holding slo_fundus (the image array), note (the de-identified clinical note),
 * age, gender (0 female, 1 male), race (0 Asian, 1 Black, 2 White), ethnicity, language, maritalstatus and glaucoma.
 * Each sample is one pair whose image path is the .npz itself (its slo_fundus array); race and sex go into the
 * demographics, and the other protected attributes (ethnicity, language, marital status) are not carried.
 */
public final class FairVlmed extends FileDataset {
    private static final Set<String> KEYS = Set.of("note", "age", "gender", "race");
    private static final List<String> RACES = List.of("Asian", "Black", "White");

    public FairVlmed(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        List<SplitFiles.Candidate> c = List.of(SplitFiles.Candidate.of(Split.TRAIN, "Training"),
                SplitFiles.Candidate.of(Split.VALIDATION, "Validation"), SplitFiles.Candidate.of(Split.TEST, "Testing"));
        return SplitFiles.read(ctx, c, this::folder);
    }

    private Stream<ImageTextPair> folder(Path dir, Split split) {
        return Folders.list(ctx, dir, Folders.endsWith(".npz")).stream().map(f -> sample(f, split)).filter(java.util.Objects::nonNull);
    }

    private ImageTextPair sample(Path npz, Split split) {
        Map<String, Object> v;
        try {
            v = NpzFile.scalars(npz, KEYS);
        } catch (IOException e) {
            ctx.problems().skipped(npz, 0, null, "cannot read: " + e.getMessage());
            return null;
        }
        Object note = v.get("note");
        if (!(note instanceof String s) || s.isBlank()) {
            ctx.problems().skipped(npz, 0, null, "missing field \"note\"");
            return null;
        }
        String id = LoadContext.stem(npz.toString());
        Integer age = v.get("age") instanceof Number n && n.doubleValue() >= 0 && n.doubleValue() <= 150
                ? (int) Math.floor(n.doubleValue()) : null;
        String sex = v.get("gender") instanceof Number n ? switch (n.intValue()) {
            case 0 -> "F";
            case 1 -> "M";
            default -> null;
        } : null;
        String race = v.get("race") instanceof Number n && n.intValue() >= 0 && n.intValue() < RACES.size()
                ? RACES.get(n.intValue()) : null;
        ImageRef img = new ImageRef(id, ctx.imagePath(npz.getParent(), npz.getFileName().toString()), "SLO fundus",
                "EYE", null);
        return new ImageTextPair(id, img, s.trim(), split, "en", new Demographics(age, sex, race));
    }
}
