package org.medvl.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.record.VqaItem;
import org.medvl.data.Datasets;
import org.medvl.eval.AnswerCache;
import org.medvl.eval.AnsweringRun;
import org.medvl.eval.report.VqaReport;
import org.medvl.eval.run.ModelSpec;
import org.medvl.eval.run.Sampling;
import org.medvl.eval.vqa.VqaBenchmark;
import org.medvl.models.api.QuestionAnswerer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl bench vqa}: VQA accuracy of a served model on any loaded VQA dataset; resumable. */
@Command(name = "vqa", mixinStandardHelpOptions = true,
        description = "VQA benchmark of a served vision-language model (open/closed, multiple choice); resumable.")
public final class VqaBenchCommand implements Callable<Integer> {
    @Mixin
    RemoteModelOptions model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME:PATH[#split]",
            description = "VQA dataset, e.g. vqa-rad:../shared/data/vqa-rad#test")
    String dataset;

    @Option(names = "--out", required = true, description = "Output directory (answers cache, results, report).")
    Path out;

    @Option(names = "--limit", defaultValue = "0", description = "Use a seeded subset of this many questions (0 = all).")
    int limit;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the subset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        List<VqaItem> items = Datasets.open(dataset).vqaItems().toList();
        if (items.isEmpty()) {
            throw new MedvlException("dataset " + dataset + " has no VQA items");
        }
        items = Sampling.subset(items, VqaItem::id, limit, seed);
        var config = model.config();
        try (QuestionAnswerer answerer = ModelSpec.open(config);
             AnswerCache cache = AnswerCache.open(out.resolve("answers.jsonl"))) {
            VqaBenchmark.Result r = VqaBenchmark.run(new AnsweringRun(answerer, cache, config.concurrency()),
                    answerer.name(), items);
            VqaReport.write(r, out);
            System.out.printf("VQA benchmark of %s on %d questions (%d from cache, %d asked, %d failed)%n",
                    r.model(), items.size(), r.fromCache(), r.asked(), r.failures().size());
            VqaReport.headline(r).forEach((k, v) -> System.out.printf("  %-26s %.4f%n", k, v));
            System.out.println("results: " + out.resolve("results.json") + "  predictions: "
                    + out.resolve("predictions.jsonl") + "  report: " + out.resolve("report.html"));
            return r.failures().isEmpty() ? 0 : 3;
        }
    }
}
