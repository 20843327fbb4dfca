package org.medvl.cli.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.medvl.core.MedvlException;
import org.medvl.core.io.SharedData;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.io.ReportTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl bench labeler}: findings-labeler throughput on the IU X-ray reports (findings + impression) repeated to
 * 100,000 reports: one thread (= reports/s per core) and all cores side by side, with the ratio to the 2,000
 * reports/s per core goal. The machine's load average is printed because shared machines skew the numbers.
 */
@Command(name = "labeler", mixinStandardHelpOptions = true,
        description = "Benchmark the findings labeler: IU X-ray reports repeated to 100,000, one core vs all cores.")
public final class LabelerBenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private static final double GOAL_PER_CORE = 2000;

    @Option(names = "--reports", defaultValue = "100000", description = "Reports per timed run (default ${DEFAULT-VALUE}).")
    int reports;

    @Option(names = "--repeat", defaultValue = "3", description = "Timed runs per measurement; the best is shown.")
    int repeat;

    @Option(names = "--threads", description = "Threads for the parallel run (default: available cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--data", paramLabel = "DIR", description = "IU X-ray folder (default: shared iu-xray-reports).")
    Path data;

    @Override
    public Integer call() {
        Path dir = data != null ? data : SharedData.dataset("iu-xray-reports").orElseThrow(() ->
                new MedvlException(SharedData.missingMessage("iu-xray-reports")));
        List<String> base = new ArrayList<>();
        for (ReportTexts.Report r : ReportTexts.read(dir.resolve("indiana_reports.csv"),
                List.of("findings", "impression"), "uid")) {
            base.add(r.text());
        }
        String[] texts = new String[reports];
        for (int i = 0; i < reports; i++) {
            texts[i] = base.get(i % base.size());
        }
        FindingsLabeler labeler = FindingsLabeler.standard();
        out().printf("labeler: %s; %,d IU X-ray reports repeated to %,d%n", labeler.vocabulary().summary(),
                base.size(), reports);
        out().printf("machine: %d cores, load average %.2f at start (a loaded machine lowers the numbers)%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (int w = 0; w < 3; w++) { // warm-up: let the JIT compile the hot paths
            for (String t : base) {
                labeler.label(t);
            }
        }
        double single = best(() -> {
            int sink = 0;
            for (String t : texts) {
                sink += labeler.label(t).hashCode();
            }
            return sink;
        });
        ForkJoinPool pool = new ForkJoinPool(threads);
        double parallel;
        try {
            parallel = best(() -> pool.submit(() -> IntStream.range(0, texts.length).parallel()
                    .map(i -> labeler.label(texts[i]).hashCode()).sum()).join());
        } finally {
            pool.shutdown();
        }
        double perCore = reports / single;
        double all = reports / parallel;
        out().println();
        out().println("| run | seconds | reports/s | reports/s per core |");
        out().println("|---|---:|---:|---:|");
        out().printf("| 1 thread | %.2f | %,.0f | %,.0f |%n", single, perCore, perCore);
        out().printf("| %d threads | %.2f | %,.0f | %,.0f |%n", threads, parallel, all, all / threads);
        out().printf("%nspeed-up %d threads vs 1: %.2fx; 1-thread throughput / goal (%,.0f reports/s per core): "
                + "%.1fx (%s)%n", threads, single / parallel, GOAL_PER_CORE, perCore / GOAL_PER_CORE,
                perCore >= GOAL_PER_CORE ? "goal met" : "goal NOT met");
        return 0;
    }

    /** Best wall time in seconds over {@link #repeat} runs. */
    private double best(java.util.function.IntSupplier run) {
        double best = Double.MAX_VALUE;
        int check = 0;
        for (int r = 0; r < Math.max(1, repeat); r++) {
            long t0 = System.nanoTime();
            check += run.getAsInt();
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        if (check == 42) {
            out().print(""); // keeps the results observable so the JIT cannot drop the work
        }
        return best;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
