package org.medvl.eval.reportgen;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medvl.eval.AnsweringRun;
import org.medvl.metrics.caption.CaptionEvaluator;
import org.medvl.metrics.caption.CaptionScores;
import org.medvl.metrics.caption.Profile;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.VisualQuestion;

/**
 * Report generation by any answering model: each case's image is sent with an instruction, the answers are cached
 * (resumable), and the generated texts are scored against the references with the caption metrics under a profile.
 */
public final class ReportBenchmark {
    public static final String DEFAULT_PROMPT = "Write the findings of a radiology report for this image, "
            + "in the style of a radiologist. Answer with the report text only.";

    /** One case: id, image, reference text. */
    public record Case(String id, Path image, String reference) {
    }

    /** Generated and reference text for one case. */
    public record Generated(String id, String reference, String generated) {
    }

    public record Result(String model, Map<Profile, CaptionScores> scores, List<Generated> items,
                         Map<String, String> failures, int fromCache, int asked) {
    }

    private ReportBenchmark() {
    }

    public static Result run(AnsweringRun run, String modelName, List<Case> cases, String prompt,
                             List<Profile> profiles) {
        List<VisualQuestion> qs = cases.stream().map(c -> VisualQuestion.of(c.id(), c.image(), prompt)).toList();
        AnsweringRun.Outcome out = run.run("report", qs, "report");
        List<Generated> items = new ArrayList<>();
        for (Case c : cases) {
            ModelAnswer a = out.answers().get(c.id());
            if (a != null) {
                items.add(new Generated(c.id(), c.reference(), a.text()));
            }
        }
        List<List<String>> refs = items.stream().map(g -> List.of(g.reference())).toList();
        List<String> hyps = items.stream().map(Generated::generated).toList();
        CaptionEvaluator evaluator = new CaptionEvaluator();
        Map<Profile, CaptionScores> scores = new java.util.LinkedHashMap<>();
        for (Profile p : profiles) {
            scores.put(p, items.isEmpty() ? null
                    : evaluator.evaluate(refs, hyps, p, Set.of()));
        }
        return new Result(modelName, scores, items, out.failures(), out.fromCache(), out.asked());
    }
}
