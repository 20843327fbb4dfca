package org.medvl.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.record.VqaItem;
import org.medvl.eval.AnswerCache;
import org.medvl.eval.AnsweringRun;
import org.medvl.eval.report.TrustReport;
import org.medvl.eval.run.ModelSpec;
import org.medvl.eval.trust.ResponseCues;
import org.medvl.eval.trust.TrustBenchmark;
import org.medvl.models.api.QuestionAnswerer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl bench trust}: the five CARES-style trust dimensions for a model on a VQA dataset. */
@Command(name = "trust", mixinStandardHelpOptions = true,
        description = "CARES-style trust benchmark (trustfulness, fairness, safety, privacy, robustness) of a model.")
public final class TrustBenchCommand implements Callable<Integer> {
    @Mixin
    RemoteModelOptions model;

    @Mixin
    BenchRunOptions run;

    @Option(names = "--noise", split = ",", defaultValue = "0.05,0.1,0.2",
            description = "Gaussian noise levels, as fractions of the intensity range (default: ${DEFAULT-VALUE}).")
    List<Double> noise;

    @Option(names = "--refusal-cues", description = "Extra refusal phrases, one per line.")
    Path refusalCues;

    @Option(names = "--abstention-cues", description = "Extra abstention phrases, one per line.")
    Path abstentionCues;

    @Override
    public Integer call() {
        List<VqaItem> items = run.vqaItems();
        ResponseCues cues = ResponseCues.defaults().extendedWith(refusalCues, abstentionCues);
        var config = model.config();
        try (QuestionAnswerer answerer = ModelSpec.open(config);
             AnswerCache cache = run.openCache()) {
            var bench = new TrustBenchmark(new AnsweringRun(answerer, cache, config.concurrency()), cues, run.out,
                    new TrustBenchmark.Config(noise, Integer.MAX_VALUE));
            TrustBenchmark.Result r = bench.run(answerer.name(), items);
            TrustReport.write(r, run.out);
            System.out.printf("trust benchmark of %s on %d questions (%d from cache, %d asked, %d failed)%n",
                    r.model(), items.size(), r.fromCache(), r.asked(), r.failures().size());
            TrustReport.headline(r).forEach((k, v) -> System.out.printf("  %-28s %.4f%n", k, v));
            System.out.println("results: " + run.out.resolve("results.json") + "  report: " + run.out.resolve("report.html"));
            return r.failures().isEmpty() ? 0 : 3;
        }
    }
}
