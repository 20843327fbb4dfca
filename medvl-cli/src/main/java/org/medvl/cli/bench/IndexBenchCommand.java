package org.medvl.cli.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.index.bench.VectorBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl bench index}: Lucene HNSW against exact brute force on generated clustered vectors, side by side from
 * one run: recall@10, build time, size, and single-query p50/p99 latency. Run with enough heap for the vectors
 * (about 4.5 KB per 512-d vector in all: JAVA_OPTS=-Xmx8g for 1,000,000).
 */
@Command(name = "index", mixinStandardHelpOptions = true,
        description = "Benchmark HNSW vector search vs exact brute force: recall@10, build time, size, p50/p99 latency.")
public final class IndexBenchCommand implements Callable<Integer> {
    @Option(names = "--vectors", defaultValue = "100000", description = "Indexed vectors (default 100,000; the "
            + "acceptance size is 1,000,000).")
    int vectors;

    @Option(names = "--dim", defaultValue = "512", description = "Dimension (default 512).")
    int dim;

    @Option(names = "--queries", defaultValue = "1000", description = "HNSW queries timed (default 1,000).")
    int queries;

    @Option(names = "--exact-queries", defaultValue = "200",
            description = "Queries also run by brute force: ground truth for recall and exact latency (default 200).")
    int exactQueries;

    @Option(names = "-k", defaultValue = "10", description = "Neighbours per query, recall@k (default 10).")
    int k;

    @Option(names = "--ef", split = ",", defaultValue = "10,50,100,200",
            description = "HNSW candidate-list sizes to compare (default 10,50,100,200; medvl searches use 100).")
    int[] candidates;

    @Option(names = "--hnsw-m", defaultValue = "16", description = "HNSW M (default 16).")
    int maxConn;

    @Option(names = "--hnsw-beam-width", defaultValue = "100", description = "HNSW efConstruction (default 100).")
    int beamWidth;

    @Option(names = "--threads", description = "Indexing threads and merge workers (default: available processors).")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default 42).")
    long seed;

    @Option(names = "--dir", paramLabel = "DIR", description = "Empty folder for the index (default: a temporary "
            + "folder, deleted afterwards).")
    Path dir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int cores = Runtime.getRuntime().availableProcessors();
        boolean temp = dir == null;
        Path root = temp ? Files.createTempDirectory("medvl-bench-index") : dir;
        if (!temp && Files.isDirectory(root)) {
            try (var files = Files.list(root)) {
                if (files.findAny().isPresent()) {
                    throw new MedvlException("--dir " + root + " is not empty");
                }
            }
        }
        VectorBenchmark.Config c;
        try {
            c = new VectorBenchmark.Config(vectors, dim, queries, Math.min(exactQueries, queries), k, candidates,
                    maxConn, beamWidth, threads == null ? cores : threads, seed, root);
        } catch (IllegalArgumentException e) {
            throw new MedvlException(e.getMessage());
        }
        out.printf("%,d clustered %d-d unit vectors (seed %d), %,d queries (%,d also exact), k=%d, HNSW M=%d "
                        + "efConstruction=%d, %d indexing threads; JVM: %d processors, max heap %,d MB%n",
                vectors, dim, seed, queries, c.exactQueries(), k, maxConn, beamWidth, c.threads(), cores,
                Runtime.getRuntime().maxMemory() >> 20);
        out.flush();
        try {
            VectorBenchmark.Report r = VectorBenchmark.run(c, out);
            print(out, r);
        } finally {
            if (temp) {
                AtomicFiles.deleteTree(root);
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, VectorBenchmark.Report r) {
        out.println();
        out.printf("%-20s %9s %9s %10s %9s %9s %9s %9s%n", "method", "build s", "size MB", "recall@" + r.config().k(),
                "p50 ms", "p99 ms", "p50 cpu", "p99 cpu");
        VectorBenchmark.Row exact = r.rows().get(0);
        for (VectorBenchmark.Row row : r.rows()) {
            boolean isExact = row.candidates() == 0;
            out.printf("%-20s %9s %9.1f %10.4f %9.3f %9.3f %9.3f %9.3f%n", row.method(),
                    isExact ? "-" : String.format("%.1f", r.addSeconds() + r.mergeSeconds()),
                    (isExact ? r.rawBytes() : r.indexBytes()) / 1e6, row.recall(), row.p50Millis(), row.p99Millis(),
                    row.p50CpuMillis(), row.p99CpuMillis());
        }
        out.println();
        out.printf("HNSW build: add %.1f s + merge to one segment %.1f s wall, %.1f s CPU (all threads); exact search "
                + "needs no build (raw vectors in memory: %.1f MB)%n", r.addSeconds(), r.mergeSeconds(),
                r.buildCpuSeconds(), r.rawBytes() / 1e6);
        for (VectorBenchmark.Row row : r.rows().subList(1, r.rows().size())) {
            out.printf("%-20s recall %.4f; p50 %.0fx faster than exact (wall), %.0fx (CPU)%n", row.method(),
                    row.recall(), exact.p50Millis() / row.p50Millis(), exact.p50CpuMillis() / row.p50CpuMillis());
        }
        out.println("latency: one query at a time on one thread (ms; 'cpu' = thread CPU time, unaffected by waiting "
                + "for a core on a loaded machine); recall over the " + r.config().exactQueries()
                + " queries with exact ground truth.");
    }
}
