package org.medvl.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.data.Dataset;
import org.medvl.data.Datasets;
import org.medvl.eval.AnswerCache;
import org.medvl.eval.AnsweringRun;
import org.medvl.eval.report.ReportGenReport;
import org.medvl.eval.reportgen.ReportBenchmark;
import org.medvl.eval.run.ModelSpec;
import org.medvl.eval.run.Sampling;
import org.medvl.metrics.caption.Profile;
import org.medvl.models.api.QuestionAnswerer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl bench report}: report generation by a served model, scored with the caption metrics. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Report-generation benchmark of a served vision-language model (BLEU, METEOR, ROUGE-L, CIDEr-D).")
public final class ReportBenchCommand implements Callable<Integer> {
    @Mixin
    RemoteModelOptions model;

    @Option(names = "--dataset", required = true, paramLabel = "NAME:PATH[#split]",
            description = "Image-caption or report dataset, e.g. medpix-2.0:../shared/data/medpix-2.0#dev")
    String dataset;

    @Option(names = "--out", required = true, description = "Output directory (answers cache, results, report).")
    Path out;

    @Option(names = "--prompt", description = "Instruction sent with each image.")
    String prompt = ReportBenchmark.DEFAULT_PROMPT;

    @Option(names = "--profile", split = ",", defaultValue = "coco,r2gen",
            description = "Metric profiles: coco, r2gen, plain (default: ${DEFAULT-VALUE}).")
    List<String> profiles;

    @Option(names = "--limit", defaultValue = "0", description = "Use a seeded subset of this many cases (0 = all).")
    int limit;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the subset (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        Dataset ds = Datasets.open(dataset);
        List<ReportBenchmark.Case> cases = new ArrayList<>();
        ds.pairs().forEach(p -> cases.add(new ReportBenchmark.Case(p.id(), Path.of(p.image().path()), p.text())));
        ds.studies().filter(s -> !s.images().isEmpty()).forEach(s -> cases.add(new ReportBenchmark.Case(s.id(),
                Path.of(s.images().get(0).path()), s.sections().findingsAndImpression())));
        if (cases.isEmpty()) {
            throw new MedvlException("dataset " + dataset + " has no image-text pairs or studies with images");
        }
        List<ReportBenchmark.Case> chosen = Sampling.subset(cases, ReportBenchmark.Case::id, limit, seed);
        List<Profile> ps = profiles.stream().map(Profile::parse).toList();
        var config = model.config();
        try (QuestionAnswerer answerer = ModelSpec.open(config);
             AnswerCache cache = AnswerCache.open(out.resolve("answers.jsonl"))) {
            ReportBenchmark.Result r = ReportBenchmark.run(new AnsweringRun(answerer, cache, config.concurrency()),
                    answerer.name(), chosen, prompt, ps);
            ReportGenReport.write(r, out);
            System.out.printf("report benchmark of %s on %d cases (%d from cache, %d asked, %d failed)%n",
                    r.model(), chosen.size(), r.fromCache(), r.asked(), r.failures().size());
            r.scores().forEach((p, s) -> {
                if (s != null) {
                    System.out.println("  " + p.id() + ": " + s.corpus());
                }
            });
            System.out.println("results: " + out.resolve("results.json") + "  report: " + out.resolve("report.html"));
            return r.failures().isEmpty() ? 0 : 3;
        }
    }
}
