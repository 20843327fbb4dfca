package org.medvl.cli.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.models.clip.ClipConfig;
import org.medvl.models.clip.ClipData;
import org.medvl.models.clip.ClipEnsemble;
import org.medvl.models.clip.ClipExample;
import org.medvl.models.clip.ClipTrainOptions;
import org.medvl.models.clip.ClipTrainer;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.CaseHoldout;
import org.medvl.models.train.EngineThreads;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.PipelineImages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl train clip}: contrastive image-text training on the JVM (DJL, PyTorch engine, CPU). */
@Command(name = "clip", mixinStandardHelpOptions = true,
        description = "Train a CLIP-style image-text model (symmetric InfoNCE, AdamW, warm-up + cosine)")
public final class TrainClipCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "NAME:PATH#split",
            description = "Training pairs, e.g. medpix-2.0:../shared/data/medpix-2.0#train")
    String data;

    @Option(names = "--val", paramLabel = "NAME:PATH#split",
            description = "Validation pairs scored (R@K) after every epoch, e.g. medpix-2.0:../shared/data/medpix-2.0#dev")
    String val;

    @Option(names = "--out", required = true, description = "Run directory (new, or the run to --resume)")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint (same options)")
    boolean resume;

    @Mixin
    ClipModelOptions model = new ClipModelOptions();

    @Option(names = "--epochs", defaultValue = "20") int epochs;
    @Option(names = "--batch-size", defaultValue = "32") int batchSize;
    @Option(names = "--lr", defaultValue = "5e-4") float lr;
    @Option(names = "--min-lr", defaultValue = "1e-5") float minLr;
    @Option(names = "--warmup", defaultValue = "50", description = "Warm-up steps (default ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--weight-decay", defaultValue = "0.1") float weightDecay;
    @Option(names = "--grad-clip", defaultValue = "1.0") float gradClip;
    @Option(names = "--seed", defaultValue = "42") long seed;
    @Option(names = "--workers", defaultValue = "2", description = "Image decoding threads (default ${DEFAULT-VALUE})")
    int workers;
    @Option(names = "--checkpoint-every", defaultValue = "0",
            description = "Also checkpoint every N steps within an epoch (default: epoch ends only)")
    int checkpointEvery;

    @Option(names = "--text-template", defaultValue = "{caption}",
            description = "Training text built from a record: {caption}, {modality}, {plane}, {location} "
                    + "(the body region; default ${DEFAULT-VALUE})")
    String textTemplate;

    @Option(names = "--caption-dropout", defaultValue = "0", paramLabel = "P",
            description = "Fraction of training texts (drawn per step) cut to the template without the caption, e.g. "
                    + "\"CT Axial.\", so zero-shot prompts of those words land where the images are (default "
                    + "${DEFAULT-VALUE}; implies --identical-texts-match)")
    float captionDropout;

    @Option(names = "--identical-texts-match", description = "Pairs of a batch with identical texts count as matches,"
            + " not negatives (multi-positive InfoNCE; helps where cases share a caption)")
    boolean identicalTextsMatch;

    @Option(names = "--metadata-loss", defaultValue = "0", paramLabel = "W",
            description = "Weight of a second loss term, every step, between the images and their caption-less "
                    + "texts (\"CT Axial.\"), identical texts as matches; unlike --caption-dropout it keeps every "
                    + "caption in the retrieval loss (default ${DEFAULT-VALUE}: none)")
    float metadataLoss;

    @Option(names = "--location-dropout", defaultValue = "0", paramLabel = "P",
            description = "Fraction of the caption-less texts that also leave out {location} (\"CT Axial.\" "
                    + "instead of \"CT Axial Brain and Neuro.\"), so zero-shot prompts without a body region match "
                    + "trained texts (default ${DEFAULT-VALUE})")
    float locationDropout;

    @Option(names = "--hflip", description = "Allow horizontal flips (off by default: laterality matters in radiology)")
    boolean hflip;

    @Option(names = "--no-augment", description = "Train without augmentation")
    boolean noAugment;

    @Option(names = "--stream-images", description = "Decode images on the loader threads every epoch instead of "
            + "once up front (less memory for large datasets; slower on few cores, where decoding competes with the "
            + "engine); augmentation runs per epoch on the loader threads either way")
    boolean streamImages;

    @Option(names = "--cache-images", hidden = true, description = "Accepted for compatibility: caching is the default")
    boolean cacheImages;

    @Option(names = "--limit", defaultValue = "0", description = "Use only the first N training pairs (quick tries)")
    int limit;

    @Mixin
    HoldoutOptions holdout = new HoldoutOptions();

    @Option(names = "--crop-scale", defaultValue = "0.8", paramLabel = "S",
            description = "Augmentation: smallest random crop side, as a fraction of the image (default ${DEFAULT-VALUE})")
    float cropScale;

    @Option(names = "--rotation", defaultValue = "10", paramLabel = "DEG",
            description = "Augmentation: largest random rotation in degrees (default ${DEFAULT-VALUE})")
    float rotation;

    @Option(names = "--ensemble", defaultValue = "1", paramLabel = "N",
            description = "Train N models with seeds --seed, --seed+1, ... (each a run in OUT/member-K, sharing one "
                    + "--val-fraction split) and write OUT/model as their ensemble, which scores with the mean of the "
                    + "members' cosine similarities (default ${DEFAULT-VALUE})")
    int ensemble;

    @Override
    public Integer call() {
        if (ensemble < 1) {
            throw new MedvlException("--ensemble must be >= 1, got " + ensemble);
        }
        EngineThreads.set(model.engineThreads);
        holdout.check(val);
        List<ClipExample> train = ClipData.load(data, limit);
        List<ClipExample> validation = val == null ? List.of() : ClipData.load(val, 0);
        CaseHoldout.Split<ClipExample> split = holdout.split(train, validation, ClipExample::id, seed,
                new java.io.PrintWriter(System.err, true));
        train = split.train();
        validation = split.validation();
        ClipConfig config = model.config();
        AugmentConfig augment = noAugment ? AugmentConfig.none()
                : new AugmentConfig(cropScale, rotation, 0.1f, 0.1f, hflip);
        ClipTrainOptions options = new ClipTrainOptions(epochs, batchSize, lr, minLr, warmup, weightDecay, gradClip,
                seed, workers, checkpointEvery, augment, model.vocabSize, textTemplate, captionDropout,
                identicalTextsMatch, metadataLoss, locationDropout);
        System.err.printf("training on %,d pairs%s; %d steps per epoch%n", train.size(),
                validation.isEmpty() ? "" : String.format(", validating on %,d", validation.size()),
                train.size() / batchSize);
        ImageTensors images = PipelineImages.grey(model.imageSize);
        if (!streamImages) {
            List<Path> files = new ArrayList<>(train.stream().map(ClipExample::image).toList());
            validation.forEach(e -> files.add(e.image()));
            System.err.printf("decoding %,d images once (--stream-images to decode every epoch)%n", files.size());
            images = InMemoryImages.cache(images, files);
        }
        if (ensemble == 1) {
            trainRun(config, options, images, train, validation, out, resume);
            return 0;
        }
        List<Path> models = new ArrayList<>();
        List<Path> bests = new ArrayList<>();
        for (int k = 0; k < ensemble; k++) {
            Path memberDir = out.resolve("member-" + (k + 1));
            boolean resumeMember = resume && Files.exists(memberDir.resolve("checkpoint"));
            System.err.printf("ensemble member %d of %d: seed %d -> %s%n", k + 1, ensemble, seed + k, memberDir);
            ClipTrainer.Result r = trainRun(config, options.withSeed(seed + k), images, train, validation, memberDir,
                    resumeMember);
            models.add(r.model());
            if (r.best() != null) {
                bests.add(r.best());
            }
        }
        ClipEnsemble.write(out.resolve("model"), models);
        System.out.println("ensemble model: " + out.resolve("model") + " (" + ensemble + " members)");
        if (bests.size() == ensemble) {
            ClipEnsemble.write(out.resolve("best"), bests);
            System.out.println("ensemble best:  " + out.resolve("best") + " (each member's best epoch)");
        }
        return 0;
    }

    /** Trains one run into {@code runDir} and prints its last epoch and where its outputs are. */
    private ClipTrainer.Result trainRun(ClipConfig config, ClipTrainOptions options, ImageTensors images,
                                        List<ClipExample> train, List<ClipExample> validation, Path runDir,
                                        boolean resumeRun) {
        ClipTrainer.Result r = new ClipTrainer(config, options, images).patience(holdout.patience)
                .train(train, validation, runDir, resumeRun, null);
        report(r, runDir);
        return r;
    }

    private static void report(ClipTrainer.Result r, Path runDir) {
        for (Map.Entry<String, Object> e : r.lastEpoch().entrySet()) {
            Object v = e.getValue();
            System.out.printf("%-28s %s%n", e.getKey(), v instanceof Double d ? String.format("%.4f", d) : v);
        }
        System.out.println("model:   " + r.model());
        if (r.best() != null) {
            System.out.println("best:    " + r.best() + " (epoch " + r.bestEpoch() + ", highest "
                    + ClipTrainer.SELECTION_METRIC + ")");
        }
        System.out.println("metrics: " + runDir.resolve("metrics.jsonl"));
        System.out.println("plots:   " + runDir.resolve("plots"));
    }
}
