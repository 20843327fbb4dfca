package org.medvl.cli.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.models.report.ReportData;
import org.medvl.models.report.ReportExample;
import org.medvl.models.report.ReportModel;
import org.medvl.models.report.decode.DecodeOptions;
import org.medvl.models.train.EngineThreads;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl bench generate}: reports/s of a medvl report model at beam width 1 and 3, decoding studies in batches
 * and one at a time, side by side in one run. Images are decoded before timing: this measures generation only.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Report generation speed: reports/s at beam width 1 and 3, batched and one study at a time")
public final class GenerateBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A medvl report model directory")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "NAME:PATH#split",
            description = "Studies to write reports for, e.g. medpix-2.0:../shared/data/medpix-2.0#dev")
    String data;

    @Option(names = "--unit", defaultValue = "image", description = "image or study (default ${DEFAULT-VALUE})")
    String unit;

    @Option(names = "--section", defaultValue = "findings", description = "--unit study: report section (unused for timing)")
    String section;

    @Option(names = "--limit", defaultValue = "32", description = "Studies per measurement (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--batch-size", defaultValue = "16", description = "Studies per batch in batch mode (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--no-repeat-ngram", defaultValue = "3", description = "As in predict report (default ${DEFAULT-VALUE})")
    int noRepeatNgram;

    @Option(names = "--engine-threads", defaultValue = "2", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE})")
    int engineThreads;

    @Override
    public Integer call() {
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        if (limit < 1 || batchSize < 1) {
            throw new MedvlException("--limit and --batch-size must be at least 1");
        }
        EngineThreads.set(engineThreads);
        List<ReportExample> examples = ReportData.load(data, unit, section, limit).examples();
        try (ReportModel m = ReportModel.open(model)) {
            int max = m.config().maxImages();
            List<List<float[]>> studies = new ArrayList<>();
            for (ReportExample e : examples) {
                studies.add(e.images().subList(0, Math.min(max, e.images().size())).stream()
                        .map(p -> m.images().load(p)).toList());
            }
            int maxLength = m.config().maxLength();
            m.generate(studies.subList(0, Math.min(2, studies.size())), DecodeOptions.beam(3, maxLength), 2);
            stdout.printf("%d studies, %s decoder, width %d x %d layers, max %d tokens, %d engine thread(s)%n",
                    studies.size(), m.config().decoder(), m.config().width(), m.config().layers(), maxLength,
                    engineThreads);
            stdout.printf("%-6s %-14s %12s %12s %10s%n", "beam", "mode", "reports/s", "words/rep", "seconds");
            double[][] rate = new double[2][2];
            int[] widths = {1, 3};
            for (int w = 0; w < 2; w++) {
                DecodeOptions o = DecodeOptions.beam(widths[w], maxLength).withNoRepeatNgram(noRepeatNgram);
                for (int mode = 0; mode < 2; mode++) {
                    int batch = mode == 0 ? batchSize : 1;
                    long t0 = System.nanoTime();
                    List<String> reports = m.generate(studies, o, batch);
                    double s = (System.nanoTime() - t0) / 1e9;
                    rate[w][mode] = studies.size() / s;
                    double words = reports.stream().mapToInt(r -> r.split("\\s+").length).average().orElse(0);
                    stdout.printf("%-6d %-14s %12.2f %12.1f %10.2f%n", widths[w],
                            mode == 0 ? "batch " + batchSize : "single", rate[w][mode], words, s);
                }
            }
            stdout.printf("batch / single:  beam 1 %.2fx, beam 3 %.2fx%n", rate[0][0] / rate[0][1],
                    rate[1][0] / rate[1][1]);
            stdout.printf("beam 1 / beam 3: batch %.2fx, single %.2fx%n", rate[0][0] / rate[1][0],
                    rate[0][1] / rate[1][1]);
        }
        return 0;
    }
}
