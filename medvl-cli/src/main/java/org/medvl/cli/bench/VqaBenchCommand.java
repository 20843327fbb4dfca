package org.medvl.cli.bench;

import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.record.VqaItem;
import org.medvl.eval.AnswerCache;
import org.medvl.eval.AnsweringRun;
import org.medvl.eval.report.VqaReport;
import org.medvl.eval.run.ModelSpec;
import org.medvl.eval.vqa.VqaBenchmark;
import org.medvl.models.api.QuestionAnswerer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code medvl bench vqa}: VQA accuracy of a served model on any loaded VQA dataset; resumable. */
@Command(name = "vqa", mixinStandardHelpOptions = true,
        description = "VQA benchmark of a served vision-language model (open/closed, multiple choice); resumable.")
public final class VqaBenchCommand implements Callable<Integer> {
    @Mixin
    RemoteModelOptions model;

    @Mixin
    BenchRunOptions run;

    @Override
    public Integer call() {
        List<VqaItem> items = run.vqaItems();
        var config = model.config();
        try (QuestionAnswerer answerer = ModelSpec.open(config);
             AnswerCache cache = run.openCache()) {
            VqaBenchmark.Result r = VqaBenchmark.run(new AnsweringRun(answerer, cache, config.concurrency()),
                    answerer.name(), items);
            VqaReport.write(r, run.out);
            System.out.printf("VQA benchmark of %s on %d questions (%d from cache, %d asked, %d failed)%n",
                    r.model(), items.size(), r.fromCache(), r.asked(), r.failures().size());
            VqaReport.headline(r).forEach((k, v) -> System.out.printf("  %-26s %.4f%n", k, v));
            System.out.println("results: " + run.out.resolve("results.json") + "  predictions: "
                    + run.out.resolve("predictions.jsonl") + "  report: " + run.out.resolve("report.html"));
            return r.failures().isEmpty() ? 0 : 3;
        }
    }
}
