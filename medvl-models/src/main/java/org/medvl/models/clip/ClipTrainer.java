package org.medvl.models.clip;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.core.io.Progress;
import org.medvl.models.MedvlVersion;
import org.medvl.models.checkpoint.CheckpointWriter;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.nn.TextEncoderConfig;
import org.medvl.models.tokenizer.TokenBatch;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.tokenizer.WordPieceTrainer;
import org.medvl.models.train.AdamW;
import org.medvl.models.train.Augmenter;
import org.medvl.models.train.BatchLoader;
import org.medvl.models.train.DataFingerprint;
import org.medvl.models.train.EpochSelection;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.LearningRateSchedule;
import org.medvl.models.train.MetricsLog;
import org.medvl.models.train.RunDirectory;
import org.medvl.models.train.Seeds;

/**
 * Trains a CLIP-style model with symmetric InfoNCE, AdamW, warm-up + cosine decay and gradient clipping.
 *
 * <p>The run directory holds {@code checkpoint/} (the latest state, replaced atomically every
 * {@code checkpointEvery} steps and at each epoch end), {@code model/} (the final model), {@code metrics.jsonl} and
 * {@code plots/}. Everything random derives from the seed and the step, epoch or sample index, so
 * {@link #train} with {@code resume} continues a killed run to the same final weights and metrics as an
 * uninterrupted one.
 */
public final class ClipTrainer {
    /** Called after every optimiser step (progress, tests that interrupt a run). */
    public interface StepListener {
        void onStep(long step, float loss);
    }

    /** The validation score that picks the best epoch: mean of image->text and text->image R@10. */
    public static final String SELECTION_METRIC = "val_mean_R@10";
    private final ClipConfig architecture;
    private final ClipTrainOptions options;
    private final ImageTensors images;
    private int patience;

    /**
     * @param architecture the model; its text vocabulary size is replaced by the trained tokenizer's
     */
    public ClipTrainer(ClipConfig architecture, ClipTrainOptions options, ImageTensors images) {
        if (images.channels() != architecture.channels() || images.size() != architecture.imageSize()) {
            throw new IllegalArgumentException("the image pipeline gives " + images.channels() + "x" + images.size()
                    + " px, the model expects " + architecture.channels() + "x" + architecture.imageSize());
        }
        this.architecture = architecture;
        this.options = options;
        this.images = images;
    }

    /**
     * Stops training once {@code epochs} epochs in a row have not improved {@link #SELECTION_METRIC}; 0 (the
     * default) trains every epoch. Needs validation data. Not part of the checkpointed options: it only decides
     * where a run ends, and a resumed run re-reads the history it judges from.
     */
    public ClipTrainer patience(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("patience must be >= 0");
        }
        this.patience = epochs;
        return this;
    }

    /**
     * The outcome: where the final model went, the metrics of the last epoch, and (with validation data) the model
     * of the epoch with the best {@link #SELECTION_METRIC} and that epoch's number (null / 0 without validation).
     */
    public record Result(Path model, Map<String, Object> lastEpoch, long steps, Path best, int bestEpoch) {
    }

    public Result train(List<ClipExample> trainSet, List<ClipExample> validation, Path runDir, boolean resume,
                        StepListener listener) {
        int stepsPerEpoch = trainSet.size() / options.batchSize();
        if (stepsPerEpoch == 0) {
            throw new MedvlException("the training set has " + trainSet.size() + " examples, fewer than one batch of "
                    + options.batchSize() + "; lower --batch-size");
        }
        Path checkpointDir = runDir.resolve("checkpoint");
        String fingerprint = fingerprint(trainSet);
        TrainingState state;
        WordPieceTokenizer tokenizer;
        ClipConfig config;
        List<String> trainTexts = trainSet.stream().map(options::text).toList();
        if (resume) {
            Checkpoints.require(checkpointDir, Checkpoints.TRAINING, Checkpoints.OPTIMIZER);
            state = Checkpoints.json(checkpointDir, Checkpoints.TRAINING, TrainingState.class);
            if (!state.dataFingerprint().equals(fingerprint)) {
                throw new MedvlException(checkpointDir.resolve(Checkpoints.TRAINING)
                        + ": the training data differs from the data this run started with (fingerprint "
                        + state.dataFingerprint().substring(0, 12) + " vs " + fingerprint.substring(0, 12) + ")");
            }
            if (!state.options().equals(options)) {
                throw new MedvlException(checkpointDir.resolve(Checkpoints.TRAINING)
                        + ": the run was started with other options: " + state.options());
            }
            tokenizer = Checkpoints.tokenizer(checkpointDir);
            config = Checkpoints.json(checkpointDir, Checkpoints.CONFIG, ClipConfig.class);
        } else {
            RunDirectory.refuseToOverwrite(runDir);
            tokenizer = new WordPieceTrainer(options.vocabSize(), 2).train(trainTexts);
            TextEncoderConfig t = architecture.text();
            config = new ClipConfig(architecture.image(), new TextEncoderConfig(tokenizer.vocabSize(), t.maxLength(),
                    t.width(), t.depth(), t.heads(), t.dropout()), architecture.imageSize(), architecture.channels(),
                    architecture.embedDim(), architecture.initialTemperature());
            state = new TrainingState(MedvlVersion.get(), options.seed(), 0, 0, 0, fingerprint, trainSet.size(),
                    options, List.of(), Instant.now().toString());
        }
        long totalSteps = (long) stepsPerEpoch * options.epochs();
        LearningRateSchedule schedule = new LearningRateSchedule(options.learningRate(), options.minLearningRate(),
                Math.min(options.warmupSteps(), totalSteps / 2), totalSteps);
        MetricsLog log = new MetricsLog(runDir);
        List<Map<String, Object>> history = new ArrayList<>(state.history());
        long stepsDone;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) Seeds.derive(options.seed(), -1));
            ClipModel model = new ClipModel(config);
            model.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            model.initialize(manager);
            try (AdamW optimizer = AdamW.of(model, manager, options.weightDecay(), options.gradClip());
                 BatchLoader loader = new BatchLoader(trainSet.stream().map(ClipExample::image).toList(), images,
                         new Augmenter(options.augment()), options.seed(), options.workers());
                 Progress progress = Progress.start("train clip", totalSteps)) {
                if (resume) {
                    Checkpoints.loadWeights(checkpointDir, model, manager);
                    Checkpoints.loadOptimizer(checkpointDir, optimizer);
                    progress.stepBy(state.step());
                }
                List<String> metadataTexts = options.usesMetadataTexts()
                        ? trainSet.stream().map(options::metadataText).toList() : null;
                List<String> coarseTexts = options.locationDropout() > 0
                        ? trainSet.stream().map(options::coarseMetadataText).toList() : null;
                long step = state.step();
                double lossSum = state.epochLossSum();
                int lossCount = state.epochLossCount();
                long started = System.nanoTime();
                // a run killed after its stopping epoch was checkpointed must not train on when resumed
                boolean stopped = patience > 0 && !validation.isEmpty() && !history.isEmpty()
                        && history.size() - bestEpoch(history) >= patience;
                while (step < totalSteps && !stopped) {
                    int epoch = (int) (step / stepsPerEpoch);
                    int[] order = Seeds.permutation(trainSet.size(), Seeds.derive(options.seed(), epoch, 7));
                    Iterator<BatchLoader.Batch> batches = loader.batches(epoch, order, options.batchSize(),
                            (int) (step % stepsPerEpoch), true);
                    while (batches.hasNext()) {
                        BatchLoader.Batch batch = batches.next();
                        float lr = schedule.at(step);
                        float loss = step(model, optimizer, manager, tokenizer, config, batch, trainTexts,
                                metadataTexts, coarseTexts, lr, step);
                        step++;
                        lossSum += loss;
                        lossCount++;
                        progress.step();
                        progress.setExtraMessage(String.format("loss %.3f lr %.2e", loss, lr));
                        if (listener != null) {
                            listener.onStep(step, loss);
                        }
                        boolean epochEnd = step % stepsPerEpoch == 0;
                        if (epochEnd) {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("epoch", epoch + 1);
                            m.put("step", step);
                            m.put("train_loss", lossSum / lossCount);
                            m.put("learning_rate", lr);
                            m.put("temperature", 1 / logitScale(model, manager));
                            if (!validation.isEmpty()) {
                                Map<String, Double> v = evaluate(model, tokenizer, manager, validation);
                                m.putAll(v);
                                m.put(SELECTION_METRIC, (v.get("val_image_to_text_R@10")
                                        + v.get("val_text_to_image_R@10")) / 2);
                            }
                            m.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
                            history.add(m);
                            lossSum = 0;
                            lossCount = 0;
                            log.write(history);
                            stopped = patience > 0 && !validation.isEmpty()
                                    && epoch + 1 - bestEpoch(history) >= patience;
                        }
                        if (epochEnd || (options.checkpointEvery() > 0 && step % options.checkpointEvery() == 0)) {
                            state = new TrainingState(state.medvlVersion(), options.seed(), step, lossSum, lossCount,
                                    fingerprint, trainSet.size(), options, List.copyOf(history), state.created());
                            // best/ before the checkpoint: a run killed between the two redoes this epoch on resume
                            // and rewrites best/, instead of resuming past it with best/ one epoch stale
                            if (epochEnd && !validation.isEmpty() && bestEpoch(history) == epoch + 1) {
                                save(runDir.resolve("best"), model, null, tokenizer, config, state);
                            }
                            save(checkpointDir, model, optimizer, tokenizer, config, state);
                        }
                        if (stopped) {
                            break;
                        }
                    }
                }
                save(runDir.resolve("model"), model, null, tokenizer, config, state);
                stepsDone = step;
            }
        }
        int best = validation.isEmpty() ? 0 : bestEpoch(history);
        return new Result(runDir.resolve("model"), history.isEmpty() ? Map.of() : history.get(history.size() - 1),
                stepsDone, best > 0 ? runDir.resolve("best") : null, best);
    }

    /** The 1-based epoch with the highest selection score (the earliest on ties), 0 when none has one. */
    static int bestEpoch(List<Map<String, Object>> history) {
        return EpochSelection.best(history, SELECTION_METRIC);
    }

    /**
     * Training throughput in images per second over {@code steps} optimiser steps, after {@code warmup} untimed
     * ones, with this trainer's image source and augmentation; writes nothing. For {@code medvl bench train}.
     */
    public double throughput(List<ClipExample> examples, int warmup, int steps) {
        List<String> texts = examples.stream().map(options::text).toList();
        WordPieceTokenizer tokenizer = new WordPieceTrainer(options.vocabSize(), 2).train(texts);
        TextEncoderConfig t = architecture.text();
        ClipConfig config = new ClipConfig(architecture.image(), new TextEncoderConfig(tokenizer.vocabSize(),
                t.maxLength(), t.width(), t.depth(), t.heads(), t.dropout()), architecture.imageSize(),
                architecture.channels(), architecture.embedDim(), architecture.initialTemperature());
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) options.seed());
            ClipModel model = new ClipModel(config);
            model.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            model.initialize(manager);
            try (AdamW optimizer = AdamW.of(model, manager, options.weightDecay(), options.gradClip());
                 BatchLoader loader = new BatchLoader(examples.stream().map(ClipExample::image).toList(), images,
                         new Augmenter(options.augment()), options.seed(), options.workers())) {
                LearningRateSchedule schedule = new LearningRateSchedule(options.learningRate(),
                        options.minLearningRate(), Math.min(options.warmupSteps(), (warmup + steps) / 2),
                        warmup + steps);
                long start = 0;
                int done = 0;
                for (int epoch = 0; done < warmup + steps; epoch++) {
                    int[] order = Seeds.permutation(examples.size(), Seeds.derive(options.seed(), epoch, 7));
                    Iterator<BatchLoader.Batch> it = loader.batches(epoch, order, options.batchSize(), 0, true);
                    while (it.hasNext() && done < warmup + steps) {
                        if (done == warmup) {
                            start = System.nanoTime();
                        }
                        step(model, optimizer, manager, tokenizer, config, it.next(), texts, null, null,
                                schedule.at(done), done);
                        done++;
                    }
                }
                return (double) steps * options.batchSize() / ((System.nanoTime() - start) / 1e9);
            }
        }
    }

    private float step(ClipModel model, AdamW optimizer, NDManager manager, WordPieceTokenizer tokenizer,
                       ClipConfig config, BatchLoader.Batch batch, List<String> texts, List<String> metadataTexts,
                       List<String> coarseTexts, float lr, long step) {
        // Reseeding per step makes dropout depend on the step only, not on what ran before a resume.
        Engine.getInstance().setRandomSeed((int) Seeds.derive(options.seed(), step));
        int b = batch.indices().length;
        List<String> batchTexts = new ArrayList<>(b);
        List<String> batchMetadata = new ArrayList<>(b);
        for (int i : batch.indices()) {
            String metadata = null;
            if (metadataTexts != null) {
                boolean dropLocation = coarseTexts != null && uniform(step, i, 13) < options.locationDropout();
                metadata = dropLocation ? coarseTexts.get(i) : metadataTexts.get(i);
            }
            boolean dropCaption = metadata != null && uniform(step, i, 11) < options.captionDropout();
            batchTexts.add(dropCaption ? metadata : texts.get(i));
            if (options.metadataLoss() > 0) {
                batchMetadata.add(metadata);
            }
        }
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(batch.images(), new Shape(b, config.channels(), config.imageSize(),
                    config.imageSize()));
            ParameterStore ps = new ParameterStore(scope, false);
            float lossValue;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray img = model.embedImages(ps, x, true);
                NDArray scale = model.logitScale(ps, x.getDevice(), true);
                NDArray loss = textLoss(model, ps, scope, tokenizer, config, img, scale, batchTexts,
                        options.identicalTextsMatch());
                if (!batchMetadata.isEmpty()) {
                    // the images once, two text sides: captions for retrieval, metadata words for zero-shot
                    loss = loss.add(textLoss(model, ps, scope, tokenizer, config, img, scale, batchMetadata, true)
                            .mul(options.metadataLoss()));
                }
                lossValue = loss.getFloat();
                if (!Float.isFinite(lossValue)) {
                    throw new MedvlException("training diverged: the loss is " + lossValue + " at step " + step
                            + " (logit scale " + model.logitScale(ps, x.getDevice(), false).getFloat()
                            + ", input range " + x.min().getFloat() + ".." + x.max().getFloat() + ")");
                }
                collector.backward(loss);
            }
            optimizer.step(lr);
            return lossValue;
        }
    }

    /** A uniform draw in [0, 1) from the seed, the step, the item and a purpose tag: the same on resume. */
    private double uniform(long step, int item, int purpose) {
        return (Seeds.derive(options.seed(), step, item, purpose) >>> 11) * 0x1.0p-53;
    }

    /** Symmetric InfoNCE between the batch's image embeddings and these texts, embedded in training mode. */
    private static NDArray textLoss(ClipModel model, ParameterStore ps, NDManager scope, WordPieceTokenizer tokenizer,
                                    ClipConfig config, NDArray images, NDArray scale, List<String> texts,
                                    boolean identicalMatch) {
        int b = texts.size();
        float[] targets = identicalMatch ? ClipLoss.identicalTextTargets(texts) : null;
        TokenBatch tb = tokenizer.encodeBatch(texts, config.text().maxLength());
        NDArray ids = scope.create(tb.ids(), new Shape(tb.batch(), tb.length()));
        NDArray mask = scope.create(tb.mask(), new Shape(tb.batch(), tb.length()));
        NDArray txt = model.embedTexts(ps, ids, mask, true);
        return targets == null ? ClipLoss.symmetricInfoNce(images, txt, scale)
                : ClipLoss.symmetricInfoNce(images, txt, scale, scope.create(targets, new Shape(b, b)));
    }

    private Map<String, Double> evaluate(ClipModel model, WordPieceTokenizer tokenizer, NDManager manager,
                                         List<ClipExample> validation) {
        try (DjlClipEncoder encoder = new DjlClipEncoder(model, tokenizer, images, manager, 64, options.workers())) {
            float[][] img = encoder.embedImages(validation.stream().map(ClipExample::image).toList());
            float[][] txt = encoder.embedTexts(validation.stream().map(options::text).toList());
            Map<String, Double> out = new LinkedHashMap<>();
            RetrievalScores.compute(img, txt).forEach((k, v) -> out.put("val_" + k, v));
            return out;
        }
    }

    private static float logitScale(ClipModel model, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            return (float) Math.exp(model.logitScale(new ParameterStore(scope, false), scope.getDevice(), false)
                    .getFloat());
        }
    }

    private void save(Path dir, ClipModel model, AdamW optimizer, WordPieceTokenizer tokenizer, ClipConfig config,
                      TrainingState state) {
        new CheckpointWriter().weights(model).optimizer(optimizer).tokenizer(tokenizer)
                .json(Checkpoints.CONFIG, config).json(Checkpoints.PREPROCESS, images.describe())
                .json(Checkpoints.TRAINING, state).commit(dir);
    }

    /** SHA-256 over ids, texts and image file names, in order: detects a resume on different data. */
    public static String fingerprint(List<ClipExample> examples) {
        return DataFingerprint.of(examples, e -> e.id() + "\t" + e.image().getFileName() + "\t" + e.text());
    }
}
