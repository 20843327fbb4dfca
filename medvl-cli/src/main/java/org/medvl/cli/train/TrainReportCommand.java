package org.medvl.cli.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.report.ReportConfig;
import org.medvl.models.report.ReportData;
import org.medvl.models.report.ReportExample;
import org.medvl.models.report.ReportTrainOptions;
import org.medvl.models.report.ReportTrainer;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.CaseHoldout;
import org.medvl.models.train.EngineThreads;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.PipelineImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvl train report}: image-to-report encoder-decoder training on the JVM (DJL, PyTorch engine, CPU). */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Train a report-generation model (image encoder + Transformer or R2Gen decoder)")
public final class TrainReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "NAME:PATH#split",
            description = "Training data, e.g. medpix-2.0:../shared/data/medpix-2.0#train")
    String data;

    @Option(names = "--val", paramLabel = "NAME:PATH#split",
            description = "Validation data scored after epochs (loss; BLEU, ROUGE-L, CIDEr-D of greedy reports)")
    String val;

    @Mixin
    HoldoutOptions holdout = new HoldoutOptions();

    @Option(names = "--out", required = true, description = "Run directory (new, or the run to --resume)")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint (same options)")
    boolean resume;

    @Option(names = "--unit", defaultValue = "image",
            description = "image: one image and its caption per example; study: all images of a case with its "
                    + "report section (default ${DEFAULT-VALUE})")
    String unit;

    @Option(names = "--section", defaultValue = "findings",
            description = "--unit study: findings, impression or findings+impression (default ${DEFAULT-VALUE})")
    String section;

    @Option(names = "--decoder", defaultValue = "transformer",
            description = "transformer or r2gen (memory-driven, Chen et al. 2020) (default ${DEFAULT-VALUE})")
    String decoder;

    @Option(names = "--init-from-clip", paramLabel = "DIR",
            description = "Start the image encoder from a medvl CLIP checkpoint of the same encoder settings")
    Path initFromClip;

    @Option(names = "--image-encoder", defaultValue = "resnet", description = "resnet or vit (default ${DEFAULT-VALUE})")
    String imageEncoder;
    @Option(names = "--image-width", defaultValue = "32",
            description = "resnet: first-stage channels; vit: token width (default ${DEFAULT-VALUE})")
    int imageWidth;
    @Option(names = "--image-depth", defaultValue = "1",
            description = "resnet: blocks per stage; vit: layers (default ${DEFAULT-VALUE})")
    int imageDepth;
    @Option(names = "--vit-heads", defaultValue = "4") int vitHeads;
    @Option(names = "--vit-patch", defaultValue = "16") int vitPatch;
    @Option(names = "--image-size", defaultValue = "128", description = "Input side in pixels (default ${DEFAULT-VALUE})")
    int imageSize;
    @Option(names = "--width", defaultValue = "128", description = "Decoder width (default ${DEFAULT-VALUE})")
    int width;
    @Option(names = "--layers", defaultValue = "2", description = "Decoder layers (default ${DEFAULT-VALUE})")
    int layers;
    @Option(names = "--heads", defaultValue = "4", description = "Attention heads (default ${DEFAULT-VALUE})")
    int heads;
    @Option(names = "--dropout", defaultValue = "0.1") float dropout;
    @Option(names = "--max-length", defaultValue = "60",
            description = "Longest report in words and marks; longer ones are cut (default ${DEFAULT-VALUE})")
    int maxLength;
    @Option(names = "--max-images", defaultValue = "4",
            description = "Images of a study the model sees; the first ones are kept (default ${DEFAULT-VALUE})")
    int maxImages;
    @Option(names = "--memory-slots", defaultValue = "3", description = "r2gen: relational memory slots (default ${DEFAULT-VALUE})")
    int memorySlots;
    @Option(names = "--min-count", defaultValue = "3",
            description = "Words seen fewer times become <unk> (R2Gen: 3 for IU X-ray) (default ${DEFAULT-VALUE})")
    int minCount;

    @Option(names = "--epochs", defaultValue = "6") int epochs;
    @Option(names = "--batch-size", defaultValue = "16") int batchSize;
    @Option(names = "--lr", defaultValue = "1e-3") float lr;
    @Option(names = "--min-lr", defaultValue = "1e-5") float minLr;
    @Option(names = "--warmup", defaultValue = "50", description = "Warm-up steps (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--weight-decay", defaultValue = "0.05") float weightDecay;
    @Option(names = "--grad-clip", defaultValue = "1.0") float gradClip;
    @Option(names = "--label-smoothing", defaultValue = "0.1") float labelSmoothing;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--checkpoint-every", defaultValue = "0",
            description = "Also checkpoint every N steps within an epoch (default: epoch ends only)")
    int checkpointEvery;
    @Option(names = "--val-every", defaultValue = "1",
            description = "Generate and score the validation set every N epochs and after the last (default ${DEFAULT-VALUE})")
    int valEvery;
    @Option(names = "--val-limit", defaultValue = "0", description = "Generate for at most N validation examples (0: all)")
    int valLimit;
    @Option(names = "--no-augment", description = "Train without augmentation")
    boolean noAugment;
    @Option(names = "--hflip", description = "Allow horizontal flips (off by default: laterality matters)")
    boolean hflip;
    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training examples (quick tries)")
    int limit;
    @Option(names = "--engine-threads", defaultValue = "1", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE})")
    int engineThreads;

    @Override
    public Integer call() {
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        java.io.PrintWriter stderr = spec.commandLine().getErr();
        EngineThreads.set(engineThreads);
        holdout.check(val);
        ReportData.Loaded train = ReportData.load(data, unit, section, limit);
        ReportData.Loaded validation = val == null ? new ReportData.Loaded(List.of(), 0)
                : ReportData.load(val, unit, section, 0);
        CaseHoldout.Split<ReportExample> split = holdout.split(train.examples(), validation.examples(),
                ReportExample::id, seed, stderr);
        train = new ReportData.Loaded(split.train(), train.skipped());
        validation = new ReportData.Loaded(split.validation(), validation.skipped());
        ReportConfig config;
        ReportTrainOptions options;
        try {
            config = new ReportConfig(ReportConfig.TASK, new ImageEncoderConfig(imageEncoder, imageWidth, imageDepth,
                    vitHeads, vitPatch, 0f), imageSize, 1, decoder, width, layers, heads, dropout, maxLength, 0,
                    maxImages, memorySlots);
            AugmentConfig augment = noAugment ? AugmentConfig.none() : new AugmentConfig(0.8f, 10f, 0.1f, 0.1f, hflip);
            options = new ReportTrainOptions(epochs, batchSize, lr, minLr, warmup, weightDecay, gradClip,
                    labelSmoothing, seed, checkpointEvery, augment, minCount, valEvery, valLimit,
                    initFromClip == null ? null : initFromClip.toString());
        } catch (IllegalArgumentException e) {
            throw new MedvlException("options: " + e.getMessage());
        }
        stderr.printf("training on %,d %s%s%s; %d steps per epoch%n", train.examples().size(),
                unit.equals("image") ? "image-text pairs" : "studies",
                train.skipped() > 0 ? " (" + train.skipped() + " skipped: no text or no image)" : "",
                validation.examples().isEmpty() ? "" : String.format(", validating on %,d",
                        validation.examples().size()),
                (train.examples().size() + batchSize - 1) / batchSize);
        List<Path> files = new ArrayList<>();
        train.examples().forEach(e -> files.addAll(e.images().subList(0, Math.min(maxImages, e.images().size()))));
        validation.examples().forEach(e -> files.addAll(e.images().subList(0, Math.min(maxImages,
                e.images().size()))));
        stderr.printf("decoding %,d images once%n", files.size());
        ImageTensors images = InMemoryImages.cache(PipelineImages.grey(imageSize), files);
        ReportTrainer.Result r = new ReportTrainer(config, options, images).patience(holdout.patience)
                .train(train.examples(), validation.examples(), out, resume, null);
        for (Map.Entry<String, Object> e : r.lastEpoch().entrySet()) {
            Object v = e.getValue();
            stdout.printf("%-20s %s%n", e.getKey(), v instanceof Double d ? String.format("%.4f", d) : v);
        }
        stdout.println("model:   " + r.model());
        if (r.best() != null) {
            stdout.println("best:    " + r.best() + " (epoch " + r.bestEpoch() + ", highest "
                    + ReportTrainer.SELECTION_METRIC + ")");
        }
        stdout.println("metrics: " + out.resolve("metrics.jsonl"));
        return 0;
    }
}
