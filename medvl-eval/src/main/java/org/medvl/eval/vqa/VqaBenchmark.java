package org.medvl.eval.vqa;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medvl.core.record.VqaItem;
import org.medvl.eval.AnsweringRun;
import org.medvl.metrics.vqa.VqaMetrics;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.VisualQuestion;

/**
 * Medical VQA over any answering model: asks every question (through the resumable {@link AnsweringRun}) and scores
 * the answers with {@link VqaMetrics} (closed accuracy, open exact match and token recall, per question type,
 * multiple choice).
 */
public final class VqaBenchmark {
    /** One scored question. */
    public record Scored(VqaItem item, String rawAnswer, String prediction, boolean correct) {
    }

    /** The benchmark outcome. */
    public record Result(String model, VqaMetrics.Result metrics, List<Scored> items, Map<String, String> failures,
                         int fromCache, int asked) {
    }

    private VqaBenchmark() {
    }

    /** The question a model receives for a dataset item. */
    public static VisualQuestion question(VqaItem item, String suffix) {
        Path image = Path.of(item.image().path());
        return new VisualQuestion(item.id(), image, suffix == null ? item.question() : item.question() + suffix,
                item.options());
    }

    public static Result run(AnsweringRun run, String modelName, List<VqaItem> items) {
        List<VisualQuestion> questions = items.stream().map(i -> question(i, null)).toList();
        AnsweringRun.Outcome out = run.run("vqa", questions, "plain");
        List<Scored> scored = new ArrayList<>();
        List<org.medvl.metrics.vqa.VqaItem> judged = new ArrayList<>();
        for (VqaItem item : items) {
            ModelAnswer a = out.answers().get(item.id());
            if (a == null) {
                continue; // failed: listed in failures, not scored
            }
            var m = AnswerMapping.judged(item, a.text());
            judged.add(m);
            scored.add(new Scored(item, a.text(), m.prediction(), VqaMetrics.correct(m)));
        }
        return new Result(modelName, VqaMetrics.evaluate(judged), scored, out.failures(), out.fromCache(),
                out.asked());
    }
}
