package org.medvl.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import org.medvl.cli.train.ClipModelOptions;
import org.medvl.core.MedvlException;
import org.medvl.core.stats.Median;
import org.medvl.models.clip.ClipConfig;
import org.medvl.models.clip.ClipData;
import org.medvl.models.clip.ClipExample;
import org.medvl.models.clip.ClipModel;
import org.medvl.models.clip.ClipTrainOptions;
import org.medvl.models.clip.ClipTrainer;
import org.medvl.models.clip.DjlClipEncoder;
import org.medvl.models.tokenizer.WordPieceTrainer;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.EngineThreads;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.PipelineImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code medvl bench train}: CLIP training images/s with the real data pipeline (decode + resize + augment on
 * worker threads) next to pre-decoded in-memory tensors, in one run, and inference images/s at batch 1 and 32.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Training images/s: real data pipeline vs pre-decoded tensors; inference images/s at batch 1 and 32")
public final class TrainBenchCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "NAME:PATH#split",
            description = "Image-text pairs, e.g. medpix-2.0:../shared/data/medpix-2.0#train")
    String data;

    @Mixin
    ClipModelOptions model = new ClipModelOptions();

    @Option(names = "--batch-size", defaultValue = "32", description = "Training batch (default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--steps", defaultValue = "20", description = "Timed training steps per mode (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed steps first (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(names = "--workers", defaultValue = "2", description = "Decoding threads (default ${DEFAULT-VALUE})")
    int workers;

    @Option(names = "--limit", defaultValue = "512", description = "Pairs to use (default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Rounds of both modes, interleaved; the ratio reported is their median (default ${DEFAULT-VALUE})")
    int rounds;

    /**
     * Per-image cost of the pipeline next to a bare ImageIO decode of the same files, on this thread, in CPU time
     * (wall time on a shared machine measures the neighbours). Three untimed passes warm the JIT first.
     */
    private static void preprocessing(PipelineImages pipeline, List<Path> files) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[3];
        for (int pass = 0; pass < 6; pass++) {
            long t0 = cpu.getCurrentThreadCpuTime();
            for (Path f : files) {
                try {
                    javax.imageio.ImageIO.read(f.toFile());
                } catch (java.io.IOException e) {
                    throw new MedvlException(f + ": " + e.getMessage());
                }
            }
            long t1 = cpu.getCurrentThreadCpuTime();
            for (Path f : files) {
                org.medvl.image.MedicalImages.read(f, 0);
            }
            long t2 = cpu.getCurrentThreadCpuTime();
            for (Path f : files) {
                pipeline.load(f);
            }
            long t3 = cpu.getCurrentThreadCpuTime();
            if (pass >= 3) {
                ms[0] += (t1 - t0) / 1e6 / files.size() / 3;
                ms[1] += (t2 - t1) / 1e6 / files.size() / 3;
                ms[2] += (t3 - t2) / 1e6 / files.size() / 3;
            }
        }
        System.out.printf("preprocessing, %d files, one thread, CPU ms per image:%n", files.size());
        System.out.printf("  plain ImageIO.read                      %8.3f ms%n", ms[0]);
        System.out.printf("  medvl decode (MedicalImages.read)       %8.3f ms%n", ms[1]);
        System.out.printf("  medvl pipeline (decode -> %dx%d tensor)  %8.3f ms%n", pipeline.size(), pipeline.size(),
                ms[2]);
        System.out.printf("  ratio pipeline / plain decode           %8.2f%n", ms[2] / ms[0]);
    }

    @Override
    public Integer call() {
        if (steps < 1 || batchSize < 2 || warmup < 0 || rounds < 1) {
            throw new MedvlException("--steps must be >= 1, --batch-size >= 2, --warmup >= 0, --rounds >= 1");
        }
        EngineThreads.set(model.engineThreads);
        List<ClipExample> examples = ClipData.load(data, limit);
        if (examples.size() < batchSize) {
            throw new MedvlException("only " + examples.size() + " pairs, fewer than one batch");
        }
        ClipConfig config = model.config();
        ClipTrainOptions options = new ClipTrainOptions(1, batchSize, 5e-4f, 1e-5f, 10, 0.1f, 1f, 42, workers, 0,
                AugmentConfig.medicalDefault(), model.vocabSize, "{caption}");
        PipelineImages pipeline = PipelineImages.grey(model.imageSize);
        List<Path> files = examples.stream().map(ClipExample::image).toList();
        preprocessing(pipeline, files.subList(0, Math.min(files.size(), 200)));
        System.out.printf("pre-decoding %d images for the in-memory reference...%n", files.size());
        InMemoryImages cached = InMemoryImages.cache(pipeline, files);

        System.out.printf("%nCLIP training, %s encoder, %d px, batch %d, %d timed steps x %d rounds, %d loader "
                        + "threads, %d cores%n", config.image().type(), model.imageSize, batchSize, steps, rounds,
                workers, Runtime.getRuntime().availableProcessors());
        // A shared machine's speed drifts over seconds: one long pass of each mode compares two different machines.
        // Short rounds that alternate the modes (and which goes first) see the same drift, and the median of the
        // per-round ratios ignores a round a neighbour disturbed.
        // The process's first training steps also pay for JIT compilation and engine start-up: one untimed round of
        // both modes first, so that round 1 does not count them against whichever mode runs first.
        // A fresh trainer per pass, so every pass starts from the same initial weights and optimizer state.
        ToDoubleFunction<ImageTensors> pass = images -> new ClipTrainer(config, options, images)
                .throughput(examples, warmup, steps);
        double warmReal = pass.applyAsDouble(pipeline);
        double warmMemory = pass.applyAsDouble(cached);
        System.out.printf("  warm-up round (not counted): real %8.1f, in-memory %8.1f images/s%n", warmReal,
                warmMemory);
        double[] real = new double[rounds];
        double[] memory = new double[rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            if (r % 2 == 0) {
                real[r] = pass.applyAsDouble(pipeline);
                memory[r] = pass.applyAsDouble(cached);
            } else {
                memory[r] = pass.applyAsDouble(cached);
                real[r] = pass.applyAsDouble(pipeline);
            }
            ratio[r] = real[r] / memory[r];
            System.out.printf("  round %d: real %8.1f, in-memory %8.1f images/s, ratio %.3f%n", r + 1, real[r],
                    memory[r], ratio[r]);
        }
        System.out.printf("  real pipeline (decode+resize+augment)   %8.1f images/s (median)%n", Median.of(real));
        System.out.printf("  pre-decoded in-memory tensors           %8.1f images/s (median)%n", Median.of(memory));
        System.out.printf("  ratio real / in-memory                  %8.3f  (median of %d rounds, goal >= 0.9)%n",
                Median.of(ratio), rounds);

        try (NDManager manager = NDManager.newBaseManager()) {
            ClipModel m = new ClipModel(config);
            m.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            m.initialize(manager);
            var tok = new WordPieceTrainer(config.text().vocabSize(), 2).train(
                    examples.stream().map(ClipExample::text).toList());
            System.out.println("inference (image embedding, real pipeline):");
            for (int b : new int[] {1, 32}) {
                try (DjlClipEncoder enc = new DjlClipEncoder(m, tok, pipeline, manager, b, workers)) {
                    int n = Math.min(files.size(), b == 1 ? 64 : 256);
                    enc.embedImages(files.subList(0, Math.min(n, 2 * b)));
                    long t0 = System.nanoTime();
                    enc.embedImages(files.subList(0, n));
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("  batch %-3d %8.1f images/s  (%d images)%n", b, n / s, n);
                }
            }
        }
        return 0;
    }
}
