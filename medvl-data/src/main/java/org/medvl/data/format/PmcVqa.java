package org.medvl.data.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.CsvRow;
import org.medvl.data.io.Sources;

/**
 * PMC-VQA (Zhang et al. 2023) as on the Hugging Face hub: {@code train.csv} / {@code test.csv} (the cleaned
 * {@code train_2.csv} / {@code test_2.csv} are preferred when present) with columns Figure_path, Question, Answer,
 * Choice A..Choice D (written "A:text"), Answer_label; images from images.zip under {@code images/} (or
 * {@code figures/}). Items are multiple choice: options are the choices without their "A:" prefix.
 */
public final class PmcVqa extends FileDataset {
    private static final List<String> CHOICES = List.of("Choice A", "Choice B", "Choice C", "Choice D");

    public PmcVqa(LoadContext ctx) {
        super(ctx, RecordKind.VQA);
    }

    @Override
    protected Stream<VqaItem> readVqa() {
        Path images = Folders.first(ctx, "images", "figures");
        List<SplitFiles.Candidate> c = List.of(SplitFiles.Candidate.of(Split.TRAIN, "train_2.csv", "train.csv"),
                SplitFiles.Candidate.of(Split.TEST, "test_2.csv", "test.csv", "test_clean.csv"));
        return SplitFiles.read(ctx, c, (file, split) -> Sources.map(
                Sources.csv(file, ',', ctx.problems(), "Figure_path", "Question"), ctx.problems(),
                r -> item(r, split, images)));
    }

    private VqaItem item(CsvRow r, Split split, Path images) {
        List<String> options = new ArrayList<>();
        for (String c : CHOICES) {
            String v = r.opt(c);
            if (v != null) {
                options.add(stripLetter(v));
            }
        }
        String answer = r.opt("Answer");
        String label = r.opt("Answer_label");
        if (label != null) {
            int i = label.trim().toUpperCase(Locale.ROOT).charAt(0) - 'A';
            if (i < 0 || i >= options.size()) {
                throw new BadRecord("Answer_label '" + label + "' names no choice");
            }
            answer = options.get(i);
        }
        if (answer == null) {
            throw new BadRecord("missing field \"Answer\"");
        }
        return new VqaItem(split.id() + "-" + r.record().getRecordNumber(), ctx.image(images, r.text("Figure_path")),
                r.text("Question").trim(), stripLetter(answer), options.isEmpty() ? AnswerType.OPEN : AnswerType.CLOSED,
                null, split, "en", options, null);
    }

    /** "A:CT scan " -> "CT scan". */
    static String stripLetter(String choice) {
        String t = choice.trim();
        if (t.length() >= 2 && t.charAt(1) == ':' && Character.isUpperCase(t.charAt(0))) {
            t = t.substring(2).trim();
        }
        return t;
    }
}
