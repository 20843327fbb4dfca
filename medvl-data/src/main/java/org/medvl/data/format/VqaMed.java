package org.medvl.data.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.Sources;
import org.medvl.data.io.TextRow;

/**
 * ImageCLEF VQA-Med 2019, 2020 and 2021 as the organisers release them: pipe-separated text files inside the unpacked
 * archives, found anywhere under the dataset folder by name.
 * <ul>
 * <li>QA pair files, {@code image|question|answer}: 2019 {@code All_QA_Pairs_train.txt} / {@code _val.txt}, 2020
 * {@code VQAnswering_2020_Train_QA_pairs.txt} / {@code VQAnswering_2020_Val_QA_Pairs.txt}, 2021 validation files
 * (any name with "QA" and "pair" or ending "-QA.txt"). 2019's {@code QAPairsByCategory/C1_Modality_train.txt} ...
 * give question categories.</li>
 * <li>{@code VQAMed2019_Test_Questions_w_Ref_Answers.txt}: {@code image|category|question|answer}.</li>
 * <li>Test questions ({@code image|question}, name with "Test-Questions"/"Test_Questions") joined by image id with
 * reference answers ({@code image|answer[|alternative...]}, name with "ReferenceAnswers"); the first reference is the
 * answer (2021 lists alternatives after it).</li>
 * </ul>
 * Images resolve to {@code <id>.jpg} in an "images" folder beside the file (e.g. Train_images/,
 * VQAnswering_2020_Val_images/). The split comes from the file name (train / val / test).
 */
public final class VqaMed extends FileDataset {
    public VqaMed(LoadContext ctx) {
        super(ctx, RecordKind.VQA);
    }

    private enum Kind { QA, QA_WITH_CATEGORY, QUESTIONS, ANSWERS, CATEGORY, OTHER }

    @Override
    protected Stream<VqaItem> readVqa() {
        List<Path> txt = new ArrayList<>();
        try (Stream<Path> s = Files.walk(ctx.root(), 5)) {
            s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".txt")).sorted().forEach(txt::add);
        } catch (IOException e) {
            ctx.problems().skipped(ctx.root(), 0, null, "cannot list: " + e.getMessage());
        }
        Map<String, String> categories = categories(txt);
        List<Stream<VqaItem>> parts = new ArrayList<>();
        for (Path f : txt) {
            Split split = split(f);
            if (!ctx.wants(split)) {
                continue;
            }
            switch (kind(f)) {
                case QA -> parts.add(rows(f, split, r -> r.expect(3, "image|question|answer"), categories, 1, 2));
                case QA_WITH_CATEGORY -> parts.add(rows(f, split,
                        r -> r.expect(4, "image|category|question|answer"), null, 2, 3));
                case ANSWERS -> parts.add(joined(f, split, txt));
                default -> { }
            }
        }
        if (parts.isEmpty() && ctx.spec().split().isEmpty()) {
            ctx.problems().skipped(ctx.root(), 0, null, "no VQA-Med QA file found (e.g. All_QA_Pairs_train.txt, "
                    + "VQAnswering_2020_Train_QA_pairs.txt, *Test*ReferenceAnswers*.txt)");
        }
        return parts.stream().flatMap(s -> s);
    }

    private static Kind kind(Path f) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (f.getParent() != null && f.getParent().getFileName().toString().equalsIgnoreCase("QAPairsByCategory")) {
            return Kind.CATEGORY;
        }
        if (name.contains("w_ref_answers")) {
            return Kind.QA_WITH_CATEGORY;
        }
        if (name.contains("referenceanswers") && !name.contains("4evaluator")) {
            return Kind.ANSWERS;
        }
        if (name.contains("test-questions") || name.contains("test_questions")) {
            return Kind.QUESTIONS;
        }
        if ((name.contains("qa") && name.contains("pair")) || name.endsWith("-qa.txt")) {
            return Kind.QA;
        }
        return Kind.OTHER;
    }

    private static Split split(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.contains("test") ? Split.TEST : n.contains("val") ? Split.VALIDATION
                : n.contains("train") ? Split.TRAIN : Split.UNSPLIT;
    }

    private Stream<VqaItem> rows(Path f, Split split, java.util.function.UnaryOperator<TextRow> check,
                                 Map<String, String> categories, int q, int a) {
        Path images = imageDir(f);
        return Sources.map(Sources.delimitedLines(f, "|", ctx.problems()), ctx.problems(), r -> {
            check.apply(r);
            String category = categories == null ? r.field(1) : categories.get(r.field(0) + "|" + r.field(q));
            return item(f, r.line(), r.field(0), r.field(q), r.field(a), category, split, images);
        });
    }

    /** Test questions joined with their reference answers by image id. */
    private Stream<VqaItem> joined(Path answers, Split split, List<Path> all) {
        Path dir = answers.getParent();
        Path questions = all.stream().filter(p -> kind(p) == Kind.QUESTIONS && split(p) == split)
                .min((x, y) -> Boolean.compare(!x.getParent().equals(dir), !y.getParent().equals(dir))).orElse(null);
        if (questions == null) {
            ctx.problems().skipped(answers, 0, null, "no matching test questions file (…Test-Questions.txt) found");
            return Stream.empty();
        }
        Map<String, String> question = new HashMap<>();
        try (Stream<TextRow> rows = Sources.delimitedLines(questions, "|", ctx.problems())) {
            rows.forEach(r -> {
                if (r.fields().size() >= 2) {
                    question.put(r.fields().get(0).trim(), r.fields().get(1).trim());
                } else {
                    ctx.problems().skipped(r.file(), r.line(), null, "expected image|question");
                }
            });
        }
        Path images = imageDir(answers);
        return Sources.map(Sources.delimitedLines(answers, "|", ctx.problems()), ctx.problems(), r -> {
            r.expect(2, "image|answer");
            String q = question.get(r.field(0));
            if (q == null) {
                throw new BadRecord("image " + r.field(0) + " has no question in " + questions.getFileName());
            }
            return item(answers, r.line(), r.field(0), q, r.field(1), null, split, images);
        });
    }

    private VqaItem item(Path file, long line, String image, String question, String answer, String category,
                         Split split, Path images) {
        String path = ctx.imagePath(images, image + ".jpg");
        return new VqaItem(split.id() + "-" + file.getFileName() + ":" + line, ImageRef.of(image, path), question,
                answer, Fields.answerType(null, answer), category, split, "en", List.of(), null);
    }

    /** (image|question) -> category from 2019's QAPairsByCategory/C1_Modality_train.txt etc. */
    private Map<String, String> categories(List<Path> txt) {
        Map<String, String> out = new HashMap<>();
        for (Path f : txt) {
            if (kind(f) != Kind.CATEGORY) {
                continue;
            }
            String name = f.getFileName().toString();
            String[] parts = name.split("_");
            String category = parts.length > 1 ? parts[1].toLowerCase(Locale.ROOT) : name;
            try (Stream<TextRow> rows = Sources.delimitedLines(f, "|", ctx.problems())) {
                rows.filter(r -> r.fields().size() >= 3)
                        .forEach(r -> out.put(r.fields().get(0).trim() + "|" + r.fields().get(1).trim(), category));
            }
        }
        return out;
    }

    /** A folder whose name contains "images" beside the QA file (or its parent); else images/ beside it. */
    private Path imageDir(Path qaFile) {
        for (Path dir : List.of(qaFile.getParent(), qaFile.getParent().getParent())) {
            if (dir == null || !dir.startsWith(ctx.root())) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                var found = s.filter(Files::isDirectory)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).contains("image"))
                        .filter(p -> sameSplit(p, split(qaFile))).sorted().findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException e) {
                ctx.problems().warning(dir, 0, null, "cannot list: " + e.getMessage());
            }
        }
        return qaFile.getParent().resolve("images");
    }

    private static boolean sameSplit(Path imageDir, Split split) {
        Split s = split(imageDir);
        return s == Split.UNSPLIT || s == split;
    }
}
