package org.medvl.index.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.medvl.index.IndexCodecs;

/**
 * HNSW (Lucene) against exact brute-force search on generated clustered vectors: recall@k, build time, index size
 * and single-query latency percentiles, measured in one run so the numbers compare. The HNSW index is built the way
 * {@code medvl index build} builds one (same codec, dot product on unit vectors) and merged to one segment, as a
 * served index would be.
 */
public final class VectorBenchmark {
    private static final String FIELD = "v";
    private static final String ORD = "ord";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private VectorBenchmark() {
    }

    /**
     * @param vectors      indexed vectors
     * @param dim          dimension
     * @param queries      HNSW queries timed
     * @param exactQueries the first this-many queries also run exactly: ground truth and brute-force latency
     * @param k            neighbours per query (recall@k)
     * @param candidates   HNSW candidate-list sizes (ef) to try, one result row each
     * @param maxConn      HNSW M
     * @param beamWidth    HNSW efConstruction
     * @param threads      indexing threads and graph-merge workers
     * @param seed         generator seed
     * @param dir          empty folder for the index
     */
    public record Config(int vectors, int dim, int queries, int exactQueries, int k, int[] candidates, int maxConn,
                         int beamWidth, int threads, long seed, Path dir) {
        public Config {
            if (vectors < 1 || dim < 2 || queries < 1 || exactQueries < 1 || exactQueries > queries || k < 1
                    || threads < 1 || candidates.length == 0) {
                throw new IllegalArgumentException("benchmark sizes must be positive, exact queries <= queries");
            }
            for (int c : candidates) {
                if (c < k) {
                    throw new IllegalArgumentException("each candidate-list size must be >= k (" + k + "), got " + c);
                }
            }
        }
    }

    /**
     * One method's results; {@code candidates} is 0 for exact search. Wall-clock latencies include time the thread
     * waited for a core (on a shared machine, most of the tail); CPU latencies count only the time it ran.
     */
    public record Row(String method, int candidates, double recall, double p50Millis, double p99Millis,
                      double meanMillis, double p50CpuMillis, double p99CpuMillis) {
    }

    /**
     * @param generateSeconds time to generate data and queries
     * @param addSeconds      HNSW: adding every vector (graphs are built as documents arrive)
     * @param mergeSeconds    HNSW: force-merge to one segment and commit
     * @param indexBytes      HNSW index on disk (vectors + graph + doc values)
     * @param rawBytes        the bare float vectors, what exact search scans
     * @param buildCpuSeconds CPU time of the whole process (all threads) during add and merge
     */
    public record Report(Config config, double generateSeconds, double addSeconds, double mergeSeconds,
                         long indexBytes, long rawBytes, List<Row> rows, double buildCpuSeconds) {
    }

    public static Report run(Config c, PrintWriter log) {
        try {
            return measure(c, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Report measure(Config c, PrintWriter log) throws IOException {
        long t0 = System.nanoTime();
        ClusteredVectors gen = ClusteredVectors.standard(c.dim(), c.vectors(), c.seed());
        float[][] data = gen.generate(0, c.vectors());
        float[][] queries = gen.generate(1, c.queries());
        double generate = seconds(t0);
        log.printf("generated %,d + %,d vectors (%d-d) in %.1f s%n", c.vectors(), c.queries(), c.dim(), generate);
        log.flush();

        List<Row> rows = new ArrayList<>();
        int[][] truth = new int[c.exactQueries()][];
        double[] exactMs = new double[c.exactQueries()];
        double[] exactCpu = new double[c.exactQueries()];
        for (int i = 0; i < Math.min(3, c.exactQueries()); i++) {
            ExactSearch.topK(data, queries[i], c.k()); // JIT warm-up
        }
        for (int i = 0; i < c.exactQueries(); i++) {
            long q0 = System.nanoTime();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            truth[i] = ExactSearch.topK(data, queries[i], c.k());
            exactCpu[i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
            exactMs[i] = (System.nanoTime() - q0) / 1e6;
        }
        rows.add(row("exact (brute force)", 0, 1.0, exactMs, exactCpu));
        log.printf("exact search: %,d queries done%n", c.exactQueries());
        log.flush();

        long buildCpu0 = processCpuNanos();
        double[] build = buildIndex(c, data);
        double buildCpu = (processCpuNanos() - buildCpu0) / 1e9;
        log.printf("HNSW index built: add %.1f s, merge %.1f s%n", build[0], build[1]);
        log.flush();
        long bytes = sizeOf(c.dir());
        try (Directory d = FSDirectory.open(c.dir()); DirectoryReader reader = DirectoryReader.open(d)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            for (int i = 0; i < Math.min(200, c.queries()); i++) {
                searcher.search(new KnnFloatVectorQuery(FIELD, queries[i], c.candidates()[0]), c.k());
            }
            for (int cand : c.candidates()) {
                double[] ms = new double[c.queries()];
                double[] cpu = new double[c.queries()];
                double recallSum = 0;
                for (int i = 0; i < c.queries(); i++) {
                    long q0 = System.nanoTime();
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    TopDocs top = searcher.search(new KnnFloatVectorQuery(FIELD, queries[i], cand), c.k());
                    cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
                    ms[i] = (System.nanoTime() - q0) / 1e6;
                    if (i < truth.length) {
                        recallSum += overlap(ordinals(reader, top), truth[i]) / (double) c.k();
                    }
                }
                rows.add(row("HNSW ef=" + cand, cand, recallSum / truth.length, ms, cpu));
            }
        }
        return new Report(c, generate, build[0], build[1], bytes, (long) c.vectors() * c.dim() * Float.BYTES,
                List.copyOf(rows), buildCpu);
    }

    /** Adds all vectors from {@code threads} threads, then merges to one segment; returns {add, merge} seconds. */
    private static double[] buildIndex(Config c, float[][] data) throws IOException {
        ExecutorService mergePool = c.threads() > 1 ? Executors.newFixedThreadPool(c.threads()) : null;
        try (Directory d = FSDirectory.open(c.dir())) {
            IndexWriterConfig cfg = new IndexWriterConfig()
                    .setCodec(IndexCodecs.hnsw(c.maxConn(), c.beamWidth(), c.threads(), mergePool))
                    .setRAMBufferSizeMB(Math.min(1900, Runtime.getRuntime().maxMemory() / 4 / (1 << 20)))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE);
            try (IndexWriter w = new IndexWriter(d, cfg)) {
                long t0 = System.nanoTime();
                int per = (data.length + c.threads() - 1) / c.threads();
                IntStream.range(0, c.threads()).mapToObj(t -> new Thread(() -> {
                    for (int i = t * per; i < Math.min(data.length, (t + 1) * per); i++) {
                        Document doc = new Document();
                        doc.add(new KnnFloatVectorField(FIELD, data[i], VectorSimilarityFunction.DOT_PRODUCT));
                        doc.add(new NumericDocValuesField(ORD, i));
                        try {
                            w.addDocument(doc);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                })).peek(Thread::start).toList().forEach(VectorBenchmark::join);
                double add = seconds(t0);
                long t1 = System.nanoTime();
                w.forceMerge(1);
                w.commit();
                return new double[] {add, seconds(t1)};
            }
        } finally {
            if (mergePool != null) {
                mergePool.shutdown();
            }
        }
    }

    private static int[] ordinals(DirectoryReader reader, TopDocs top) throws IOException {
        int[] out = new int[top.scoreDocs.length];
        for (int i = 0; i < out.length; i++) {
            ScoreDoc sd = top.scoreDocs[i];
            var leaf = reader.leaves().get(ReaderUtil.subIndex(sd.doc, reader.leaves()));
            LeafReader r = leaf.reader();
            NumericDocValues ord = r.getNumericDocValues(ORD);
            ord.advanceExact(sd.doc - leaf.docBase);
            out[i] = (int) ord.longValue();
        }
        return out;
    }

    static int overlap(int[] found, int[] truth) {
        int n = 0;
        for (int f : found) {
            for (int t : truth) {
                if (f == t) {
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static Row row(String method, int candidates, double recall, double[] millis, double[] cpuMillis) {
        double[] s = millis.clone();
        Arrays.sort(s);
        double[] cpu = cpuMillis.clone();
        Arrays.sort(cpu);
        return new Row(method, candidates, recall, percentile(s, 0.50), percentile(s, 0.99),
                Arrays.stream(s).average().orElse(0), percentile(cpu, 0.50), percentile(cpu, 0.99));
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    static double percentile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while indexing", e);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
