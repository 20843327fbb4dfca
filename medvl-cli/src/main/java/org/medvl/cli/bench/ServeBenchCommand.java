package org.medvl.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.medvl.core.MedvlException;
import org.medvl.server.Workbench;
import org.medvl.server.WorkbenchConfig;
import org.medvl.server.batch.BatchPolicy;
import org.medvl.server.load.CalibrationModels;
import org.medvl.server.load.LoadGenerator;
import org.medvl.server.models.ModelDirectory;
import org.medvl.server.models.ModelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl bench serve}: starts the workbench on loopback, uploads one image, and runs a closed-loop load of
 * {@code --clients} clients for {@code --seconds} (bounded by {@code --max-requests}) over the report, question,
 * findings, render, describe and health endpoints. Prints requests/s, status counts, p50/p99 latency and the heap
 * after garbage collection before and after the run; "before" is taken after a warm-up at the same concurrency, so
 * growth of Jetty's thread and buffer pools to their working size is not counted as retained memory.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Load-test the workbench on 127.0.0.1: 32 clients for 60 s; p50/p99 latency, 5xx and heap.")
public final class ServeBenchCommand implements Callable<Integer> {
    @Option(names = "--models", paramLabel = "DIR",
            description = "Model directory to serve (default: calibration models, which measure the server itself).")
    Path models;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default 32).")
    int clients;

    @Option(names = "--seconds", defaultValue = "60", description = "Duration of the load (default 60).")
    int seconds;

    @Option(names = "--max-requests", defaultValue = "5000000", description = "Stop after this many requests.")
    long maxRequests;

    @Option(names = "--image", paramLabel = "FILE",
            description = "Image to upload (default: a generated 512 x 512 16-bit greyscale PNG).")
    Path image;

    @Spec
    CommandSpec spec;

    @Option(names = "--compare-batching",
            description = "Instead: run the model endpoints only, once with batches of 1 and once with batches of"
                    + " --batch-size, and print both.")
    boolean compareBatching;

    @Option(names = "--batch-size", defaultValue = "8", description = "Micro-batch size (default 8).")
    int batchSize;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || seconds < 1 || maxRequests < 1 || batchSize < 1) {
            throw new MedvlException("--clients, --seconds, --max-requests and --batch-size must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        byte[] img = image == null ? generatedPng() : Files.readAllBytes(image);
        out.printf("medvl bench serve: %d clients, %d s, models: %s%n", clients, seconds,
                models == null ? CalibrationModels.NAME : models);
        if (compareBatching) {
            for (int size : new int[] {1, batchSize}) {
                Run r = measure(new BatchPolicy(size, size == 1 ? 0 : BatchPolicy.DEFAULT.maxWaitMillis(),
                        BatchPolicy.DEFAULT.queueCapacity()), img, true, out);
                out.printf("batch size %-3d  %,d requests, %.1f req/s, p50 %.1f ms, p99 %.1f ms, statuses %s%n", size,
                        r.result().requests(), r.result().throughput(), r.result().p50Millis(),
                        r.result().p99Millis(), r.result().byStatus());
            }
            return 0;
        }
        Run run = measure(new BatchPolicy(batchSize, BatchPolicy.DEFAULT.maxWaitMillis(),
                BatchPolicy.DEFAULT.queueCapacity()), img, false, out);
        LoadGenerator.Result r = run.result();
        out.printf("requests        %,d in %.1f s (%.1f req/s)%n", r.requests(), r.seconds(), r.throughput());
        out.printf("statuses        %s; transport errors %d%n", r.byStatus(), r.transportErrors());
        out.printf("latency         p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", r.p50Millis(), r.p99Millis(),
                r.maxMillis());
        double growth = (run.heapAfter() - run.heapBefore()) / (double) run.heapBefore();
        out.printf("heap after GC   before %.1f MiB, after %.1f MiB (%+.1f%%; acceptance: within 10%%)%n",
                run.heapBefore() / 1048576.0, run.heapAfter() / 1048576.0, growth * 100);
        boolean ok = r.unexpected5xx() == 0 && r.transportErrors() == 0 && Math.abs(growth) <= 0.10;
        out.printf("verdict         %s (5xx other than 503: %d)%n", ok ? "PASS" : "FAIL", r.unexpected5xx());
        out.println("note: server and load generator share this JVM and its cores; compare runs on the same"
                + " machine only.");
        return ok ? 0 : 1;
    }

    private record Run(LoadGenerator.Result result, long heapBefore, long heapAfter) {
    }

    /** One server, one warm-up at full concurrency, one measured run; the models are loaded fresh for each server. */
    private Run measure(BatchPolicy policy, byte[] img, boolean modelCallsOnly, PrintWriter out) throws Exception {
        ModelSet set = models == null ? CalibrationModels.all() : ModelDirectory.load(models, System.err::println);
        try (Workbench server = Workbench.start(WorkbenchConfig.local(0).withBatching(policy), set)) {
            URI base = URI.create(server.url());
            String id = upload(base, img);
            List<LoadGenerator.Call> mix = LoadGenerator.standardMix(id, set.panels());
            if (modelCallsOnly) {
                mix = mix.stream().filter(c -> c.method().equals("POST")).toList();
            }
            if (mix.isEmpty()) {
                throw new MedvlException("no model panel is on: nothing to compare");
            }
            // warm-up at full concurrency, so thread and buffer pools reach their working size before "before"
            LoadGenerator.run(base, null, mix, clients, Duration.ofSeconds(Math.max(2, Math.min(10, seconds / 6))),
                    maxRequests);
            long before = LoadGenerator.settledHeapBytes();
            out.printf("mix: %s%n", mix.stream().map(LoadGenerator.Call::label).toList());
            out.flush();
            LoadGenerator.Result r = LoadGenerator.run(base, null, mix, clients, Duration.ofSeconds(seconds),
                    maxRequests);
            return new Run(r, before, LoadGenerator.settledHeapBytes());
        }
    }

    private static String upload(URI base, byte[] bytes) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/images"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new MedvlException("upload for the benchmark failed: " + r.statusCode() + " " + r.body());
        }
        return new ObjectMapper().readTree(r.body()).get("id").asText();
    }

    /** A 512 x 512 16-bit grey PNG: a radial gradient with seeded noise, so preprocessing does real work. */
    static byte[] generatedPng() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(512, 512,
                java.awt.image.BufferedImage.TYPE_USHORT_GRAY);
        short[] px = ((java.awt.image.DataBufferUShort) img.getRaster().getDataBuffer()).getData();
        Random rnd = new Random(42);
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                double r = Math.hypot(x - 256, y - 256) / 362.0;
                px[y * 512 + x] = (short) Math.max(0, Math.min(65535, 40000 * (1 - r) + rnd.nextGaussian() * 1500));
            }
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "png", b);
        return b.toByteArray();
    }
}
