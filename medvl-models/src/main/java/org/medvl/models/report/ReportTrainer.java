package org.medvl.models.report;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.medvl.core.MedvlException;
import org.medvl.core.io.Progress;
import org.medvl.metrics.caption.CaptionMetric;
import org.medvl.models.MedvlVersion;
import org.medvl.models.checkpoint.CheckpointWriter;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.clip.ClipEncoderTransfer;
import org.medvl.models.report.decode.DecodeOptions;
import org.medvl.models.train.AdamW;
import org.medvl.models.train.Augmenter;
import org.medvl.models.train.DataFingerprint;
import org.medvl.models.train.EpochSelection;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.LearningRateSchedule;
import org.medvl.models.train.MetricsLog;
import org.medvl.models.train.PipelineImages;
import org.medvl.models.train.RunDirectory;
import org.medvl.models.train.Seeds;

/**
 * Trains a report-generation model with teacher forcing (token cross-entropy, optional label smoothing), AdamW,
 * warm-up + cosine decay and gradient clipping, and scores the validation set after epochs: teacher-forced loss,
 * and BLEU-1..4 / ROUGE-L / CIDEr-D of greedy reports (coco profile, {@link ValidationScores}).
 *
 * <p>The run directory holds {@code checkpoint/} (latest state, replaced atomically every {@code checkpointEvery}
 * steps and at each epoch end), {@code model/} (the final model, what {@link ReportModel#open} and
 * {@code MedvlModels.openReportWriter} load), {@code metrics.jsonl} and {@code plots/}; with validation data also
 * {@code best/}, the model of the epoch with the highest {@link #SELECTION_METRIC} so far, written the same way
 * (and before that epoch's checkpoint, so a run killed in between rewrites it on resume). Everything random derives
 * from the seed and the step, epoch or example index, so a resumed run repeats an uninterrupted one.
 *
 * <p>Images come from an {@link ImageTensors}; give it an {@link InMemoryImages} (decode once before training): see
 * {@link #train(List, List, ReportConfig, ReportTrainOptions, Path)}, which does that for you.
 */
public final class ReportTrainer {
    /** Called after every optimiser step (progress, tests that interrupt a run). */
    public interface StepListener {
        void onStep(long step, float loss);
    }

    /**
     * The outcome: where the final model went, the metrics of the last epoch, the steps trained, and (when some
     * epoch was scored on validation data) the model of the epoch with the best {@link #SELECTION_METRIC} and that
     * epoch's number (null / 0 otherwise).
     */
    public record Result(Path model, Map<String, Object> lastEpoch, long steps, Path best, int bestEpoch) {
    }

    /** The validation score that picks the best epoch: corpus CIDEr-D (coco profile) of greedy reports. */
    public static final String SELECTION_METRIC = "val_" + CaptionMetric.CIDER_D;

    static final String VOCABULARY = "vocabulary.json";
    private final ReportConfig architecture;
    private final ReportTrainOptions options;
    private final ImageTensors images;
    private int patience;

    /** @param architecture the model; its vocabulary size is replaced by the trained vocabulary's */
    public ReportTrainer(ReportConfig architecture, ReportTrainOptions options, ImageTensors images) {
        if (images.channels() != architecture.channels() || images.size() != architecture.imageSize()) {
            throw new IllegalArgumentException("the image pipeline gives " + images.channels() + "x" + images.size()
                    + " px, the model expects " + architecture.channels() + "x" + architecture.imageSize());
        }
        this.architecture = architecture;
        this.options = options;
        this.images = images;
    }

    /**
     * Stops training once {@code epochs} epochs have passed since the epoch with the best {@link #SELECTION_METRIC};
     * 0 (the default) trains every epoch. Counts epochs, not scorings: with {@code valEvery} > 1 give it room.
     * Not part of the checkpointed options: it only decides where a run ends, and a resumed run re-reads the
     * history it judges from.
     */
    public ReportTrainer patience(int epochs) {
        if (epochs < 0) {
            throw new IllegalArgumentException("patience must be >= 0");
        }
        this.patience = epochs;
        return this;
    }

    /**
     * The one-call entry point for other code (demo, tests): decodes every image once with medvl's grey pipeline at
     * the configured size, then trains a new run in {@code runDir} (which must be new or empty).
     *
     * @param validation may be empty
     */
    public static Result train(List<ReportExample> train, List<ReportExample> validation, ReportConfig architecture,
                               ReportTrainOptions options, Path runDir) {
        List<Path> files = new ArrayList<>();
        train.forEach(e -> files.addAll(e.images()));
        validation.forEach(e -> files.addAll(e.images()));
        ImageTensors cached = InMemoryImages.cache(PipelineImages.grey(architecture.imageSize()), files);
        return new ReportTrainer(architecture, options, cached).train(train, validation, runDir, false, null);
    }

    public Result train(List<ReportExample> trainSet, List<ReportExample> validation, Path runDir, boolean resume,
                        StepListener listener) {
        int stepsPerEpoch = (trainSet.size() + options.batchSize() - 1) / options.batchSize();
        if (trainSet.isEmpty()) {
            throw new MedvlException("the training set is empty");
        }
        Path checkpointDir = runDir.resolve("checkpoint");
        String fingerprint = fingerprint(trainSet);
        ReportTrainingState state;
        WordVocabulary vocabulary;
        ReportConfig config;
        if (resume) {
            Checkpoints.require(checkpointDir, Checkpoints.TRAINING, Checkpoints.OPTIMIZER, VOCABULARY);
            state = Checkpoints.json(checkpointDir, Checkpoints.TRAINING, ReportTrainingState.class);
            if (!state.dataFingerprint().equals(fingerprint)) {
                throw new MedvlException(checkpointDir.resolve(Checkpoints.TRAINING)
                        + ": the training data differs from the data this run started with (fingerprint "
                        + state.dataFingerprint().substring(0, 12) + " vs " + fingerprint.substring(0, 12) + ")");
            }
            if (!state.options().equals(options)) {
                throw new MedvlException(checkpointDir.resolve(Checkpoints.TRAINING)
                        + ": the run was started with other options: " + state.options());
            }
            vocabulary = WordVocabulary.load(checkpointDir.resolve(VOCABULARY));
            config = Checkpoints.json(checkpointDir, Checkpoints.CONFIG, ReportConfig.class);
        } else {
            RunDirectory.refuseToOverwrite(runDir);
            vocabulary = WordVocabulary.build(trainSet.stream().map(ReportExample::text).toList(),
                    options.minCount());
            config = architecture.withVocabSize(vocabulary.size());
            state = new ReportTrainingState(MedvlVersion.get(), options.seed(), 0, 0, 0, fingerprint,
                    trainSet.size(), options, List.of(), Instant.now().toString());
        }
        List<int[]> targets = trainSet.stream().map(e -> vocabulary.encode(e.text(), config.maxLength())).toList();
        long totalSteps = (long) stepsPerEpoch * options.epochs();
        LearningRateSchedule schedule = new LearningRateSchedule(options.learningRate(), options.minLearningRate(),
                Math.min(options.warmupSteps(), totalSteps / 2), totalSteps);
        MetricsLog log = new MetricsLog(runDir);
        List<Map<String, Object>> history = new ArrayList<>(state.history());
        Augmenter augmenter = new Augmenter(options.augment());
        long stepsDone;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) Seeds.derive(options.seed(), -1));
            ReportNetwork model = new ReportNetwork(config);
            model.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            model.initialize(manager);
            if (!resume && options.initFromClip() != null) {
                ClipEncoderTransfer.copy(Path.of(options.initFromClip()), model.imageEncoder(), config.image(),
                        config.imageSize(), config.channels(), images, manager, "report model");
            }
            try (AdamW optimizer = AdamW.of(model, manager, options.weightDecay(), options.gradClip());
                 Progress progress = Progress.start("train report", totalSteps)) {
                if (resume) {
                    Checkpoints.loadWeights(checkpointDir, model, manager);
                    Checkpoints.loadOptimizer(checkpointDir, optimizer);
                    progress.stepBy(state.step());
                }
                long step = state.step();
                double lossSum = state.epochLossSum();
                int lossCount = state.epochLossCount();
                long started = System.nanoTime();
                // a run killed after its stopping epoch was checkpointed must not train on when resumed
                boolean stopped = EpochSelection.patienceSpent(history, SELECTION_METRIC, history.size(), patience);
                while (step < totalSteps && !stopped) {
                    int epoch = (int) (step / stepsPerEpoch);
                    int[] order = Seeds.permutation(trainSet.size(), Seeds.derive(options.seed(), epoch, 7));
                    for (int b = (int) (step % stepsPerEpoch); b < stepsPerEpoch && !stopped; b++) {
                        int from = b * options.batchSize();
                        int[] idx = java.util.Arrays.copyOfRange(order, from,
                                Math.min(order.length, from + options.batchSize()));
                        List<List<float[]>> batchImages = new ArrayList<>();
                        List<int[]> batchTargets = new ArrayList<>();
                        for (int i : idx) {
                            batchImages.add(augmented(trainSet.get(i), config, augmenter, epoch, i));
                            batchTargets.add(targets.get(i));
                        }
                        float lr = schedule.at(step);
                        float loss = step(model, optimizer, manager, config, batchImages, batchTargets, lr, step);
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
                            if (!validation.isEmpty()) {
                                m.put("val_loss", validationLoss(model, manager, config, vocabulary, validation));
                                if ((epoch + 1) % options.valEvery() == 0 || epoch + 1 == options.epochs()) {
                                    m.putAll(validationScores(model, manager, config, vocabulary, validation));
                                }
                            }
                            m.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
                            history.add(m);
                            lossSum = 0;
                            lossCount = 0;
                            log.write(history);
                            stopped = EpochSelection.patienceSpent(history, SELECTION_METRIC, epoch + 1, patience);
                        }
                        if (epochEnd || (options.checkpointEvery() > 0 && step % options.checkpointEvery() == 0)) {
                            state = new ReportTrainingState(state.medvlVersion(), options.seed(), step, lossSum,
                                    lossCount, fingerprint, trainSet.size(), options, List.copyOf(history),
                                    state.created());
                            if (epochEnd && EpochSelection.best(history, SELECTION_METRIC) == epoch + 1) {
                                save(runDir.resolve("best"), model, null, vocabulary, config, state);
                            }
                            save(checkpointDir, model, optimizer, vocabulary, config, state);
                        }
                    }
                }
                save(runDir.resolve("model"), model, null, vocabulary, config, state);
                stepsDone = step;
            }
        }
        int best = EpochSelection.best(history, SELECTION_METRIC);
        return new Result(runDir.resolve("model"), history.isEmpty() ? Map.of() : history.get(history.size() - 1),
                stepsDone, best > 0 ? runDir.resolve("best") : null, best);
    }

    private List<float[]> augmented(ReportExample e, ReportConfig config, Augmenter augmenter, int epoch, int index) {
        List<float[]> out = new ArrayList<>();
        int n = Math.min(config.maxImages(), e.images().size());
        for (int j = 0; j < n; j++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(options.seed(), epoch, index, j));
            out.add(augmenter.apply(images.load(e.images().get(j)), config.channels(), config.imageSize(), rng));
        }
        return out;
    }

    private float step(ReportNetwork model, AdamW optimizer, NDManager manager, ReportConfig config,
                       List<List<float[]>> batchImages, List<int[]> batchTargets, float lr, long step) {
        // Reseeding per step makes dropout depend on the step only, not on what ran before a resume.
        Engine.getInstance().setRandomSeed((int) Seeds.derive(options.seed(), step));
        try (NDManager scope = manager.newSubManager()) {
            NDList in = StudyBatch.images(scope, batchImages, config.maxImages(), config.channels(),
                    config.imageSize());
            NDList tok = StudyBatch.tokens(scope, batchTargets);
            ParameterStore ps = new ParameterStore(scope, false);
            float lossValue;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward(ps, new NDList(in.get(0), in.get(1), tok.get(0)), true).head();
                NDArray loss = tokenLoss(logits, tok.get(1), tok.get(2), options.labelSmoothing());
                lossValue = loss.getFloat();
                if (!Float.isFinite(lossValue)) {
                    throw new MedvlException("training diverged: the loss is " + lossValue + " at step " + step
                            + "; lower the learning rate or raise warm-up");
                }
                collector.backward(loss);
            }
            optimizer.step(lr);
            return lossValue;
        }
    }

    /** Mean token cross-entropy over unpadded positions, with label smoothing {@code eps}. */
    static NDArray tokenLoss(NDArray logits, NDArray target, NDArray mask, float eps) {
        int v = (int) logits.getShape().get(2);
        NDArray logp = logits.logSoftmax(-1);
        NDArray q = target.oneHot(v).toType(DataType.FLOAT32, false);
        if (eps > 0) {
            q = q.mul(1 - eps).add(eps / v);
        }
        NDArray nll = logp.mul(q).sum(new int[] {-1}).neg();
        return nll.mul(mask).sum().div(mask.sum());
    }

    private double validationLoss(ReportNetwork model, NDManager manager, ReportConfig config,
                                  WordVocabulary vocabulary, List<ReportExample> validation) {
        double sum = 0;
        double tokens = 0;
        for (int from = 0; from < validation.size(); from += 32) {
            List<ReportExample> chunk = validation.subList(from, Math.min(validation.size(), from + 32));
            try (NDManager scope = manager.newSubManager()) {
                NDList in = StudyBatch.images(scope, chunk.stream().map(e -> load(e, config)).toList(),
                        config.maxImages(), config.channels(), config.imageSize());
                NDList tok = StudyBatch.tokens(scope, chunk.stream()
                        .map(e -> vocabulary.encode(e.text(), config.maxLength())).toList());
                ParameterStore ps = new ParameterStore(scope, false);
                NDArray logits = model.forward(ps, new NDList(in.get(0), in.get(1), tok.get(0)), false).head();
                float n = tok.get(2).sum().getFloat();
                sum += tokenLoss(logits, tok.get(1), tok.get(2), 0f).getFloat() * n;
                tokens += n;
            }
        }
        return sum / tokens;
    }

    private Map<String, Double> validationScores(ReportNetwork model, NDManager manager, ReportConfig config,
                                                 WordVocabulary vocabulary, List<ReportExample> validation) {
        List<ReportExample> items = options.valLimit() > 0 && validation.size() > options.valLimit()
                ? validation.subList(0, options.valLimit()) : validation;
        List<int[]> ids = new ReportGenerator(model, manager).generate(
                items.stream().map(e -> load(e, config)).toList(), DecodeOptions.greedy(config.maxLength()), 32);
        List<String> hyps = ids.stream().map(vocabulary::decode).toList();
        Map<String, Double> out = new LinkedHashMap<>();
        ValidationScores.score(items.stream().map(ReportExample::text).toList(), hyps)
                .forEach((k, v) -> out.put("val_" + k, v));
        return out;
    }

    private List<float[]> load(ReportExample e, ReportConfig config) {
        List<float[]> out = new ArrayList<>();
        for (int j = 0; j < Math.min(config.maxImages(), e.images().size()); j++) {
            out.add(images.load(e.images().get(j)));
        }
        return out;
    }

    private void save(Path dir, ReportNetwork model, AdamW optimizer, WordVocabulary vocabulary, ReportConfig config,
                      ReportTrainingState state) {
        new CheckpointWriter().weights(model).optimizer(optimizer).json(Checkpoints.CONFIG, config)
                .json(VOCABULARY, vocabulary.toJson()).json(Checkpoints.PREPROCESS, images.describe())
                .json(Checkpoints.TRAINING, state).commit(dir);
    }

    /** SHA-256 over ids, image file names and texts, in order: detects a resume on different data. */
    public static String fingerprint(List<ReportExample> examples) {
        return DataFingerprint.of(examples, e -> {
            StringBuilder sb = new StringBuilder(e.id());
            e.images().forEach(p -> sb.append('\t').append(p.getFileName()));
            return sb.append('\t').append(e.text()).toString();
        });
    }
}
