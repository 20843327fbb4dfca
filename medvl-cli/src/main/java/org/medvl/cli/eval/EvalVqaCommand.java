package org.medvl.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.Progress;
import org.medvl.core.record.VqaItem;
import org.medvl.metrics.vqa.VqaMetrics;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.vqa.VqaData;
import org.medvl.models.vqa.VqaModel;
import org.medvl.models.vqa.VqaScoring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medvl eval vqa}: a medvl VQA model (or baseline) on a dataset split: open, closed and overall accuracy,
 * open token recall, per question type, and every prediction, scored by medvl-metrics' VqaMetrics.
 */
@Command(name = "vqa", mixinStandardHelpOptions = true,
        description = "Evaluate a VQA model: open/closed/overall accuracy, open token recall, per question type")
public final class EvalVqaCommand implements Callable<Integer> {
    private static final int CHUNK = 64;

    @Option(names = "--model", required = true, description = "A medvl VQA model directory (RUN/model)")
    Path model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME:PATH#split",
            description = "Questions to answer, e.g. vqa-rad:../shared/data/vqa-rad#test")
    String dataset;

    @Option(names = "--holdout", defaultValue = "0", paramLabel = "FRACTION",
            description = "Score only the held-out part of an image-disjoint split (as train vqa --holdout)")
    double holdout;

    @Option(names = "--holdout-seed", defaultValue = "17", description = "Seed of the --holdout split (default ${DEFAULT-VALUE})")
    long holdoutSeed;

    @Option(names = "--limit", defaultValue = "0", description = "Score only the first N questions")
    int limit;

    @Option(names = "--out", description = "Write scores and per-item predictions as JSON to this file")
    Path outFile;

    @Option(names = "--force", description = "Replace an existing --out file")
    boolean force;

    @Override
    public Integer call() throws Exception {
        if (outFile != null && Files.exists(outFile) && !force) {
            throw new MedvlException("output file " + outFile + " exists: choose another --out or pass --force");
        }
        List<VqaItem> items = VqaData.load(dataset, 0);
        if (holdout > 0) {
            items = VqaData.imageDisjoint(items, holdout, holdoutSeed, VqaData.Part.HELD_OUT);
        }
        if (limit > 0 && items.size() > limit) {
            items = items.subList(0, limit);
        }
        List<ModelAnswer> answers = new ArrayList<>(items.size());
        int clipped = 0;
        String name;
        try (QuestionAnswerer answerer = MedvlModels.openQuestionAnswerer(model);
             Progress progress = Progress.start("eval vqa", items.size())) {
            name = answerer.name();
            for (int from = 0; from < items.size(); from += CHUNK) {
                List<VisualQuestion> chunk = new ArrayList<>();
                for (VqaItem it : items.subList(from, Math.min(items.size(), from + CHUNK))) {
                    String q = it.question();
                    if (answerer instanceof VqaModel m) {
                        q = m.clipQuestion(q);
                        clipped += q.equals(it.question()) ? 0 : 1;
                    }
                    chunk.add(new VisualQuestion(it.id(), Path.of(it.image().path()), q, it.options()));
                }
                if (answerer instanceof VqaModel m) {
                    answers.addAll(m.answerAll(chunk));
                } else {
                    chunk.forEach(q -> answers.add(answerer.answer(q)));
                }
                progress.stepBy(chunk.size());
            }
        }
        List<org.medvl.metrics.vqa.VqaItem> scored = VqaScoring.scored(items, answers);
        VqaMetrics.Result r = VqaMetrics.evaluate(scored);
        System.out.printf("%s on %s: %d questions%s%n", name, dataset, items.size(),
                clipped > 0 ? " (" + clipped + " questions cut to the model's length limit)" : "");
        System.out.printf("  %-22s %.4f  (n=%d)%n", "open accuracy", r.openExactMatch().value(), r.openExactMatch().n());
        System.out.printf("  %-22s %.4f  (n=%d)%n", "closed accuracy", r.closedAccuracy().value(),
                r.closedAccuracy().n());
        System.out.printf("  %-22s %.4f  (n=%d)%n", "overall accuracy", r.overall().value(), r.overall().n());
        System.out.printf("  %-22s %.4f%n", "open token recall", r.openTokenRecall().value());
        System.out.println("  per question type: accuracy (n)");
        r.perQuestionType().forEach((k, v) -> System.out.printf("    %-20s %.4f (%d)%n", k, v.accuracy().value(),
                v.accuracy().n()));
        if (outFile != null) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", name);
            out.put("model_dir", model.toString());
            out.put("dataset", dataset);
            if (holdout > 0) {
                out.put("holdout", Map.of("fraction", holdout, "seed", holdoutSeed));
            }
            out.put("questions", items.size());
            out.put("questions_cut_to_length_limit", clipped);
            out.put("scores", r);
            List<Map<String, Object>> predictions = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                VqaItem it = items.get(i);
                ModelAnswer a = answers.get(i);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", it.id());
                p.put("image", Path.of(it.image().path()).getFileName().toString());
                p.put("question", it.question());
                p.put("question_type", it.questionType());
                p.put("answer_type", it.isClosed() ? "closed" : "open");
                p.put("answer", it.answer());
                p.put("prediction", a.text());
                p.put("probability", Double.isNaN(a.probability()) ? null : a.probability());
                p.put("correct", VqaMetrics.correct(scored.get(i)));
                p.put("top5", a.alternatives());
                predictions.add(p);
            }
            out.put("predictions", predictions);
            AtomicFiles.writeString(outFile, new ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(out));
            System.out.println("results: " + outFile);
        }
        return 0;
    }
}
