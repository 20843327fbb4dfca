package org.medvl.spark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.stats.Median;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.caption.R2GenPreparation;
import org.medvl.spark.metrics.CaptionItems;
import org.medvl.spark.metrics.CorpusMetrics;
import org.medvl.spark.session.SparkSessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"The same job single-process and on Spark local[2] and local[1], side by side in one run; then "
                + "the parity of the results.",
            "--job metrics (default): corpus metrics (read JSONL, PTB tokenization, BLEU-1..4, ROUGE-L, CIDEr-D, "
                + "findings labels + CE) on generated report pairs.",
            "--job embed: CLIP image embedding of the images of --manifest (cycled to --items) with --model."})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--job", defaultValue = "metrics", paramLabel = "JOB",
            description = "metrics or embed (default: ${DEFAULT-VALUE})")
    String job;

    @Option(names = "--model", paramLabel = "DIR", description = "CLIP model folder (--job embed)")
    Path model;

    @Option(names = "--manifest", paramLabel = "PATH",
            description = "medvl manifest (JSONL) whose images the embed job cycles through (--job embed)")
    Path manifest;

    @Option(names = "--items", defaultValue = "10000", paramLabel = "N", description = "pairs (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
            description = "timed runs per path; the median is reported (default: ${DEFAULT-VALUE})")
    int repeat;

    @Option(names = "--parity-items", defaultValue = "0", paramLabel = "N",
            description = "also check Spark local[2] against single-process on N generated pairs, each profile "
                    + "(e.g. 200000); 0 skips")
    int parityItems;

    @Option(names = "--seed", defaultValue = "13", description = "generator seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (items < 1 || repeat < 1) {
            throw new IllegalArgumentException("--items and --repeat must be positive");
        }
        if (!job.equals("metrics") && !job.equals("embed")) {
            throw new IllegalArgumentException("--job must be metrics or embed, not " + job);
        }
        if (job.equals("embed") && (model == null || manifest == null)) {
            throw new IllegalArgumentException("--job embed needs --model DIR and --manifest PATH");
        }
        Path dir = Files.createTempDirectory("medvl-spark-bench");
        try {
            if (job.equals("embed")) {
                // one intra-op thread per worker: the workers (or Spark's task threads) are the parallelism
                org.medvl.models.train.EngineThreads.set(1);
                try {
                    return new EmbedBench(model, manifest, items, 2, repeat).run(dir) ? 0 : 1;
                } finally {
                    org.medvl.spark.jobs.SharedModels.closeAll();
                }
            }
            GeneratedReports.Corpus corpus = GeneratedReports.generate(items, seed);
            Path pairs = dir.resolve("pairs.jsonl");
            writePairs(corpus, pairs);
            System.out.printf("job: %,d generated report pairs from %s (JSONL, %,d bytes): read, COCO PTB tokenization,"
                    + " BLEU-1..4, ROUGE-L, CIDEr-D (two passes), findings labels of hypothesis and first reference,"
                    + " CE (4 definitions)%n", items, pairs.getFileName(), Files.size(pairs));
            System.out.printf("machine: %d cores visible, max heap %,d MB, load average %s%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    BenchClock.load());

            CorpusMetrics.Result single = null;
            double[] singleTimes = new double[repeat + 1];
            double[] singleCpu = new double[repeat + 1];
            for (int r = 0; r <= repeat; r++) { // run 0 warms the JIT and loads the labeler; not counted
                BenchClock clock = BenchClock.start();
                GeneratedReports.Corpus read = readPairs(pairs);
                single = SingleProcessMetrics.compute(read.refs(), read.hyps(), Profile.COCO, true);
                BenchClock.Sample s = clock.stop();
                singleTimes[r] = s.wall();
                singleCpu[r] = s.cpu();
            }
            BenchClock.Sample singleMedian = new BenchClock.Sample(
                    Median.of(Arrays.copyOfRange(singleTimes, 1, singleTimes.length)),
                    Median.of(Arrays.copyOfRange(singleCpu, 1, singleCpu.length)));

            List<String[]> rows = new ArrayList<>();
            rows.add(BenchClock.row("single process (all cores)", singleMedian, singleMedian, "-"));
            double[] sparkMedian = new double[3];
            double maxDiff = 0;
            for (int cores : new int[] {2, 1}) {
                BenchClock s0 = BenchClock.start();
                SparkSession spark = SparkSessions.start("medvl-spark bench", "local[" + cores + "]");
                double start = s0.stop().wall();
                try {
                    double[] times = new double[repeat + 1];
                    double[] cpus = new double[repeat + 1];
                    for (int r = 0; r <= repeat; r++) {
                        BenchClock clock = BenchClock.start();
                        CorpusMetrics.Result res = CorpusMetrics.compute(
                                CaptionItems.read(spark, pairs.toString()), Profile.COCO, R2GenPreparation.Dataset.IU,
                                true);
                        BenchClock.Sample s = clock.stop();
                        times[r] = s.wall();
                        cpus[r] = s.cpu();
                        maxDiff = Math.max(maxDiff, SingleProcessMetrics.maxDifference(single, res));
                    }
                    sparkMedian[cores] = Median.of(Arrays.copyOfRange(times, 1, times.length));
                    rows.add(BenchClock.row("Spark local[" + cores + "]", new BenchClock.Sample(sparkMedian[cores],
                            Median.of(Arrays.copyOfRange(cpus, 1, cpus.length))), singleMedian,
                            BenchClock.fmt(start)));
                } finally {
                    spark.stop();
                }
            }
            BenchClock.print(rows);
            System.out.println("(medians of " + repeat + " runs after one warm-up; CPU s = CPU time of this JVM, "
                    + "which other processes' load does not inflate)");
            System.out.printf("%nSpark local[2] overhead over single process: %+.0f%% (goal: under +25%%)%n",
                    100 * (sparkMedian[2] / singleMedian.wall() - 1));
            System.out.printf("Spark scaling local[1] -> local[2]: %.2fx (%.1f s -> %.1f s)%n",
                    sparkMedian[1] / sparkMedian[2], sparkMedian[1], sparkMedian[2]);
            System.out.printf("parity: largest |Spark - single| over BLEU-1..4, ROUGE-L, CIDEr-D, CE P/R/F1 = %.3g "
                    + "(%s 1e-12)%n", maxDiff, maxDiff <= 1e-12 ? "within" : "NOT within");
            System.out.println("load average after: " + BenchClock.load());
            boolean ok = maxDiff <= 1e-12;
            if (parityItems > 0) {
                ok &= parity(parityItems);
            }
            return ok ? 0 : 1;
        } finally {
            AtomicFiles.deleteTree(dir);
        }
    }

    /** Spark local[2] against single-process on a large generated corpus, every profile. */
    private boolean parity(int n) {
        GeneratedReports.Corpus c = GeneratedReports.generate(n, seed + 1);
        boolean ok = true;
        SparkSession spark = SparkSessions.start("medvl-spark parity", "local[2]");
        try {
            for (Profile p : Profile.values()) {
                long t0 = System.nanoTime();
                CorpusMetrics.Result single = SingleProcessMetrics.compute(c.refs(), c.hyps(), p, p == Profile.COCO);
                double ts = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                CorpusMetrics.Result dist = CorpusMetrics.compute(CaptionItems.of(spark, c.refs(), c.hyps(), 8), p,
                        R2GenPreparation.Dataset.IU, p == Profile.COCO);
                double td = (System.nanoTime() - t0) / 1e9;
                double d = SingleProcessMetrics.maxDifference(single, dist);
                ok &= d <= 1e-12;
                System.out.printf("parity %,d pairs, profile %-5s%s: max |diff| %.3g (%s 1e-12); single %.1f s, "
                        + "Spark local[2] %.1f s; %s%n", n, p.id(), p == Profile.COCO ? " + CE" : "", d,
                        d <= 1e-12 ? "within" : "NOT within", ts, td, dist.caption());
            }
        } finally {
            spark.stop();
        }
        return ok;
    }

    static void writePairs(GeneratedReports.Corpus c, Path file) throws Exception {
        ObjectMapper om = new ObjectMapper();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < c.hyps().size(); i++) {
                ObjectNode o = om.createObjectNode().put("id", "g" + i);
                c.refs().get(i).forEach(o.putArray("refs")::add);
                o.put("hyp", c.hyps().get(i));
                w.write(om.writeValueAsString(o));
                w.write('\n');
            }
        }
    }

    /** The single-process path reads the same file, as the CLI would. */
    static GeneratedReports.Corpus readPairs(Path file) throws Exception {
        ObjectMapper om = new ObjectMapper();
        List<List<String>> refs = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            var o = om.readTree(line);
            List<String> r = new ArrayList<>();
            o.get("refs").forEach(x -> r.add(x.asText()));
            refs.add(r);
            hyps.add(o.get("hyp").asText());
        }
        return new GeneratedReports.Corpus(refs, hyps);
    }
}
