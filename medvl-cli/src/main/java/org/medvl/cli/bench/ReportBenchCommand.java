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

    @Mixin
    BenchRunOptions run;

    @Option(names = "--prompt", description = "Instruction sent with each image.")
    String prompt = ReportBenchmark.DEFAULT_PROMPT;

    @Option(names = "--profile", split = ",", defaultValue = "coco,r2gen",
            description = "Metric profiles: coco, r2gen, plain (default: ${DEFAULT-VALUE}).")
    List<String> profiles;

    @Override
    public Integer call() {
        Dataset ds = Datasets.open(run.dataset);
        List<ReportBenchmark.Case> cases = new ArrayList<>();
        ds.pairs().forEach(p -> cases.add(new ReportBenchmark.Case(p.id(), Path.of(p.image().path()), p.text())));
        ds.studies().filter(s -> !s.images().isEmpty()).forEach(s -> cases.add(new ReportBenchmark.Case(s.id(),
                Path.of(s.images().get(0).path()), s.sections().findingsAndImpression())));
        if (cases.isEmpty()) {
            throw new MedvlException("dataset " + run.dataset + " has no image-text pairs or studies with images");
        }
        List<ReportBenchmark.Case> chosen = run.subset(cases, ReportBenchmark.Case::id);
        List<Profile> ps = profiles.stream().map(Profile::parse).toList();
        var config = model.config();
        try (QuestionAnswerer answerer = ModelSpec.open(config);
             AnswerCache cache = run.openCache()) {
            ReportBenchmark.Result r = ReportBenchmark.run(new AnsweringRun(answerer, cache, config.concurrency()),
                    answerer.name(), chosen, prompt, ps);
            ReportGenReport.write(r, run.out);
            System.out.printf("report benchmark of %s on %d cases (%d from cache, %d asked, %d failed)%n",
                    r.model(), chosen.size(), r.fromCache(), r.asked(), r.failures().size());
            r.scores().forEach((p, s) -> {
                if (s != null) {
                    System.out.println("  " + p.id() + ": " + s.corpus());
                }
            });
            System.out.println("results: " + run.out.resolve("results.json") + "  report: " + run.out.resolve("report.html"));
            return r.failures().isEmpty() ? 0 : 3;
        }
    }
}
