package org.medvl.cli.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.record.VqaItem;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.EngineThreads;
import org.medvl.models.vqa.VqaData;
import org.medvl.models.vqa.VqaTrainOptions;
import org.medvl.models.vqa.VqaTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code medvl train vqa}: a classification or generative VQA model, or a baseline, on the JVM (DJL, CPU). */
@Command(name = "vqa", mixinStandardHelpOptions = true,
        description = "Train a VQA model (image encoder + question encoder + cross-attention fusion + answer "
                + "classifier), a generative answer decoder (--kind generative) or a baseline "
                + "(--kind question-only | majority)")
public final class TrainVqaCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "NAME:PATH#split",
            description = "Training questions, e.g. vqa-rad:../shared/data/vqa-rad#train")
    String data;

    @Option(names = "--val", paramLabel = "NAME:PATH#split",
            description = "Validation questions scored after every epoch (with --holdout: the held-out part of --data)")
    String val;

    @Option(names = "--holdout", defaultValue = "0", paramLabel = "FRACTION",
            description = "Train on the rest of an image-disjoint split of --data (e.g. 0.2 for PathVQA's single "
                    + "train.json); eval vqa --holdout with the same fraction and seed scores the held-out part")
    double holdout;

    @Option(names = "--holdout-seed", defaultValue = "17", description = "Seed of the --holdout split (default ${DEFAULT-VALUE})")
    long holdoutSeed;

    @Option(names = "--out", required = true, description = "Run directory (new, or the run to --resume)")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint (same options)")
    boolean resume;

    @Option(names = "--kind", defaultValue = "network",
            description = "network (image + question), question-only (same network, no image), majority "
                    + "(majority answer per answer type) or generative (an image-conditioned decoder writes the "
                    + "answer after the question, so answers need not be training answers) (default ${DEFAULT-VALUE})")
    String kind;

    @Option(names = "--init-from-clip", paramLabel = "DIR",
            description = "Initialise the image encoder from a medvl CLIP checkpoint (same --image-size, --channels, "
                    + "--image-width, --image-depth)")
    Path initFromClip;

    @Option(names = "--image-size", defaultValue = "64") int imageSize;
    @Option(names = "--channels", defaultValue = "1", description = "1 (grey, radiology) or 3 (colour, pathology)")
    int channels;
    @Option(names = "--image-width", defaultValue = "16", description = "ResNet width of the first stage")
    int imageWidth;
    @Option(names = "--image-depth", defaultValue = "1", description = "Residual blocks per ResNet stage")
    int imageDepth;
    @Option(names = "--text-width", defaultValue = "128") int textWidth;
    @Option(names = "--text-depth", defaultValue = "2") int textDepth;
    @Option(names = "--heads", defaultValue = "4") int heads;
    @Option(names = "--max-question-tokens", defaultValue = "40") int maxQuestionTokens;
    @Option(names = "--fusion-layers", defaultValue = "2") int fusionLayers;
    @Option(names = "--dropout", defaultValue = "0.2") float dropout;
    @Option(names = "--epochs", defaultValue = "20") int epochs;
    @Option(names = "--batch-size", defaultValue = "32") int batchSize;
    @Option(names = "--lr", defaultValue = "5e-4") float lr;
    @Option(names = "--min-lr", defaultValue = "1e-5") float minLr;
    @Option(names = "--warmup", defaultValue = "100") int warmup;
    @Option(names = "--weight-decay", defaultValue = "0.05") float weightDecay;
    @Option(names = "--grad-clip", defaultValue = "1.0") float gradClip;
    @Option(names = "--label-smoothing", defaultValue = "0.1") float labelSmoothing;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--workers", defaultValue = "1", description = "Augmentation threads (default ${DEFAULT-VALUE})")
    int workers;
    @Option(names = "--engine-threads", defaultValue = "1", description = "PyTorch intra-op threads (default ${DEFAULT-VALUE})")
    int engineThreads;
    @Option(names = "--checkpoint-every", defaultValue = "0",
            description = "Also checkpoint every N steps within an epoch (default: epoch ends only)")
    int checkpointEvery;
    @Option(names = "--vocab-size", defaultValue = "2000", description = "WordPiece vocabulary of the questions")
    int vocabSize;
    @Option(names = "--min-answer-count", defaultValue = "1",
            description = "Leave answers seen fewer times out of the answer vocabulary (default ${DEFAULT-VALUE})")
    int minAnswerCount;
    @Option(names = "--min-scale", defaultValue = "0.7", description = "Smallest random crop (default ${DEFAULT-VALUE})")
    float minScale;
    @Option(names = "--rotation", defaultValue = "15", description = "Max rotation in degrees (default ${DEFAULT-VALUE})")
    float rotation;
    @Option(names = "--hflip", description = "Allow horizontal flips (off: VQA asks about left and right)")
    boolean hflip;
    @Option(names = "--no-augment", description = "Train without augmentation")
    boolean noAugment;
    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training questions")
    int limit;

    @Override
    public Integer call() {
        EngineThreads.set(engineThreads);
        VqaTrainOptions options;
        try {
            AugmentConfig augment = noAugment ? AugmentConfig.none()
                    : new AugmentConfig(minScale, rotation, 0.2f, 0.2f, hflip);
            options = new VqaTrainOptions(kind, imageSize, channels, imageWidth, imageDepth, textWidth, textDepth,
                    heads, maxQuestionTokens, fusionLayers, dropout, epochs, batchSize, lr, minLr, warmup, weightDecay,
                    gradClip, labelSmoothing, seed, workers, checkpointEvery, augment, vocabSize, minAnswerCount,
                    initFromClip == null ? null : initFromClip.toString());
        } catch (IllegalArgumentException e) {
            throw new MedvlException("bad training options: " + e.getMessage());
        }
        List<VqaItem> all = VqaData.load(data, limit);
        List<VqaItem> train = all;
        List<VqaItem> validation = val == null ? List.of() : VqaData.load(val, 0);
        if (holdout > 0) {
            train = VqaData.imageDisjoint(all, holdout, holdoutSeed, VqaData.Part.REST);
            if (val == null) {
                validation = VqaData.imageDisjoint(all, holdout, holdoutSeed, VqaData.Part.HELD_OUT);
            }
        }
        System.err.printf("training a %s VQA model on %,d questions%s%n", kind, train.size(),
                validation.isEmpty() ? "" : String.format(", validating on %,d", validation.size()));
        List<Path> files = new ArrayList<>();
        if (options.usesImage()) {
            train.forEach(i -> files.add(Path.of(i.image().path())));
            validation.forEach(i -> files.add(Path.of(i.image().path())));
            System.err.printf("decoding %,d images once%n", files.stream().distinct().count());
        }
        VqaTrainer.Result r = new VqaTrainer(options, VqaTrainer.decodeOnce(options, files))
                .train(train, validation, out, resume, null);
        for (Map.Entry<String, Object> e : r.lastEpoch().entrySet()) {
            Object v = e.getValue();
            System.out.printf("%-20s %s%n", e.getKey(), v instanceof Double d ? String.format("%.4f", d) : v);
        }
        System.out.println("model:   " + r.model());
        System.out.println("metrics: " + out.resolve("metrics.jsonl"));
        return 0;
    }
}
