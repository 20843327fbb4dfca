package org.medvl.spark.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.BufferedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.clip.ClipAdapter;
import org.medvl.spark.jobs.ModelSource;
import org.medvl.spark.jobs.PredictionJobs;
import org.medvl.spark.jobs.SharedModels;
import org.medvl.spark.manifest.ManifestItems;
import org.medvl.spark.session.SparkSessions;

/**
 * The model-bearing benchmark: CLIP image embedding of N manifest items (the manifest's images, cycled to reach N),
 * single-process with one worker thread per core against Spark local[2] and local[1], each writing its output
 * (Spark: Parquet; single process: a float file). Both paths share one open model, opened before timing, so the
 * ratio is the cost of Spark's scheduling, serialisation and output around the same per-image work.
 */
final class EmbedBench {
    private final Path model;
    private final Path sourceManifest;
    private final int items;
    private final int cores;
    private final int repeat;

    EmbedBench(Path model, Path sourceManifest, int items, int cores, int repeat) {
        this.model = model;
        this.sourceManifest = sourceManifest;
        this.items = items;
        this.cores = cores;
        this.repeat = repeat;
    }

    /** Prints the table; returns whether Spark's embeddings equal the single-process ones exactly. */
    boolean run(Path dir) throws Exception {
        List<String> images = BenchManifest.images(sourceManifest);
        Path manifest = dir.resolve("embed-manifest.jsonl");
        Path warmManifest = dir.resolve("embed-warmup.jsonl");
        BenchManifest.write(images, items, manifest);
        BenchManifest.write(images, Math.min(items, 64 * cores), warmManifest);
        System.out.printf("job: CLIP image embedding of %,d items (the images of %s, %,d distinct, cycled) with %s;"
                + " output written (Spark: Parquet, single process: float file)%n", items, sourceManifest,
                new java.util.HashSet<>(images).size(), model);
        System.out.printf("machine: %d cores visible, %d used, max heap %,d MB, load average %s%n",
                Runtime.getRuntime().availableProcessors(), cores, Runtime.getRuntime().maxMemory() >> 20,
                BenchClock.load());

        ClipAdapter clip = SharedModels.get(ModelSource.clip(model.toString()));
        float[][] single = null;
        List<BenchClock.Sample> singleRuns = new ArrayList<>();
        for (int r = 0; r <= repeat; r++) { // run 0 warms the JIT and the engine on a small slice; not counted
            Path out = dir.resolve("single-" + r + ".f32");
            BenchClock clock = BenchClock.start();
            List<Path> paths = BenchManifest.images(r == 0 ? warmManifest : manifest).stream().map(Path::of).toList();
            float[][] emb = embedSingleProcess(clip, paths, cores);
            writeFloats(emb, out);
            BenchClock.Sample s = clock.stop();
            if (r > 0) {
                single = emb;
                singleRuns.add(s);
            }
        }
        BenchClock.Sample singleTime = BenchClock.median(singleRuns);

        List<String[]> rows = new ArrayList<>();
        rows.add(BenchClock.row("single process (" + cores + " threads)", singleTime, singleTime, "-"));
        double[] sparkWall = new double[cores + 1];
        double maxDiff = 0;
        for (int n : new int[] {cores, 1}) {
            BenchClock start = BenchClock.start();
            SparkSession spark = SparkSessions.start("medvl-spark bench embed", "local[" + n + "]");
            double startS = start.stop().wall();
            try {
                List<BenchClock.Sample> runs = new ArrayList<>();
                for (int r = 0; r <= repeat; r++) {
                    String out = dir.resolve("spark-" + n + "-" + r + ".parquet").toString();
                    BenchClock clock = BenchClock.start();
                    PredictionJobs.embed(ManifestItems.read(spark, (r == 0 ? warmManifest : manifest).toString(), 0),
                            ModelSource.clip(model.toString())).write().parquet(out);
                    BenchClock.Sample s = clock.stop();
                    if (r > 0) {
                        runs.add(s);
                        maxDiff = Math.max(maxDiff, difference(spark, out, single));
                    }
                }
                BenchClock.Sample timed = BenchClock.median(runs);
                sparkWall[n] = timed.wall();
                rows.add(BenchClock.row("Spark local[" + n + "]", timed, singleTime, String.format("%.2f", startS)));
            } finally {
                spark.stop();
            }
            if (cores == 1) {
                break;
            }
        }
        BenchClock.print(rows);
        System.out.println("(medians of " + repeat + " runs after one warm-up on " + Math.min(items, 64 * cores)
                + " items; CPU s = CPU time of this JVM)");
        System.out.printf("%nSpark local[%d] overhead over single process: %+.1f%% (goal: under +25%%)%n", cores,
                100 * (sparkWall[cores] / singleTime.wall() - 1));
        if (cores > 1) {
            System.out.printf("Spark scaling local[1] -> local[%d]: %.2fx (%.1f s -> %.1f s)%n", cores,
                    sparkWall[1] / sparkWall[cores], sparkWall[1], sparkWall[cores]);
        }
        System.out.printf("parity: largest |Spark - single| over %,d x %d embedding values = %.3g%n", items,
                single[0].length, maxDiff);
        System.out.println("load average after: " + BenchClock.load());
        return maxDiff == 0;
    }

    /** What a single-process run does: one model, a worker per core, each item's embedding in manifest order. */
    static float[][] embedSingleProcess(ClipAdapter clip, List<Path> paths, int threads) throws Exception {
        float[][] out = new float[paths.size()][];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                        out[i] = clip.embedImage(paths.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private static void writeFloats(float[][] rows, Path file) {
        AtomicFiles.write(file, os -> {
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os));
            for (float[] row : rows) {
                for (float v : row) {
                    out.writeFloat(v);
                }
            }
            out.flush();
        });
    }

    /** Largest absolute difference between the Parquet embeddings (by manifest index) and the single-process ones. */
    private static double difference(SparkSession spark, String parquet, float[][] single) {
        List<Row> rows = spark.read().parquet(parquet).select("index", "embedding").collectAsList();
        if (rows.size() != single.length) {
            throw new MedvlException("Spark wrote " + rows.size() + " embeddings for " + single.length + " items");
        }
        double max = 0;
        for (Row r : rows) {
            float[] want = single[(int) r.getLong(0)];
            List<Float> got = r.getList(1);
            for (int d = 0; d < want.length; d++) {
                max = Math.max(max, Math.abs(got.get(d) - want[d]));
            }
        }
        return max;
    }

    /** The bench's manifests: the source's image paths, cycled to N records with their own ids. */
    static final class BenchManifest {
        private BenchManifest() {
        }

        static List<String> images(Path manifest) throws Exception {
            ObjectMapper om = new ObjectMapper();
            List<String> images = new ArrayList<>();
            int line = 0;
            for (String s : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                line++;
                if (s.isBlank()) {
                    continue;
                }
                var o = om.readTree(s);
                var image = o.get("image");
                if (image == null && o.path("images").isArray() && !o.get("images").isEmpty()) {
                    image = o.get("images").get(0);
                }
                if (image == null) {
                    continue; // header lines and records without images
                }
                String p = image.isTextual() ? image.asText() : image.path("path").asText("");
                if (p.isEmpty()) {
                    throw new MedvlException(manifest + ":" + line + ": an image must be a path or an object with"
                            + " \"path\"");
                }
                Path resolved = manifest.toAbsolutePath().getParent().resolve(p).normalize();
                if (!Files.isRegularFile(resolved)) {
                    throw new MedvlException(manifest + ":" + line + ": image " + resolved + " not found");
                }
                images.add(resolved.toString());
            }
            if (images.isEmpty()) {
                throw new MedvlException(manifest + ": no record has an image");
            }
            return images;
        }

        static void write(List<String> images, int n, Path file) throws Exception {
            ObjectMapper om = new ObjectMapper();
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (int i = 0; i < n; i++) {
                    w.write(om.writeValueAsString(java.util.Map.of("id", "e" + i, "image", images.get(i % images.size()))));
                    w.write('\n');
                }
            }
        }
    }
}
