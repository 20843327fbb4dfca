package org.medvl.models.vqa;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.core.io.Progress;
import org.medvl.core.record.VqaItem;
import org.medvl.image.PreprocessConfig;
import org.medvl.models.MedvlVersion;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.checkpoint.CheckpointWriter;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.clip.ClipEncoderTransfer;
import org.medvl.models.nn.ImageEncoder;
import org.medvl.models.report.ReportNetwork;
import org.medvl.models.report.WordVocabulary;
import org.medvl.models.tokenizer.TokenBatch;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.tokenizer.WordPieceTrainer;
import org.medvl.models.train.AdamW;
import org.medvl.models.train.Augmenter;
import org.medvl.models.train.BatchLoader;
import org.medvl.models.train.DataFingerprint;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.LearningRateSchedule;
import org.medvl.models.train.MetricsLog;
import org.medvl.models.train.PipelineImages;
import org.medvl.models.train.RunDirectory;
import org.medvl.models.train.Seeds;

/**
 * Trains a medvl VQA model — image + question network, question-only network, majority baseline or generative
 * answer decoder ({@link AnswerDecoder}) — and writes a
 * self-describing run directory: {@code checkpoint/} (latest state, replaced atomically), {@code model/} (final),
 * {@code metrics.jsonl} and {@code plots/}. This is the public Java entry point ({@link #train(List, List,
 * VqaTrainOptions, Path)}); {@code medvl train vqa} is a thin layer over it.
 *
 * <p>Images are decoded once, up front, into memory (decoding while the engine computes was seen to corrupt CLIP
 * training, docs/notes/issue-7.md); augmentation runs per epoch on the loader threads. Everything random derives
 * from the seed and the step, epoch or sample index, so a resumed run ends with the same weights as an
 * uninterrupted one.
 */
public final class VqaTrainer {
    /** Called after every optimiser step (progress, tests that interrupt a run). */
    public interface StepListener {
        void onStep(long step, float loss);
    }

    /** The outcome: where the final model went, the last epoch's metrics, and the steps run. */
    public record Result(Path model, Map<String, Object> lastEpoch, long steps) {
    }

    private final VqaTrainOptions options;
    private final ImageTensors images;

    /**
     * @param images where image tensors come from; its size and channels must match the options. Use
     *               {@link #decodeOnce} for a ready in-memory source.
     */
    public VqaTrainer(VqaTrainOptions options, ImageTensors images) {
        if (options.usesImage()
                && (images.channels() != options.channels() || images.size() != options.imageSize())) {
            throw new IllegalArgumentException("the image source gives " + images.channels() + "x" + images.size()
                    + " px, the options ask for " + options.channels() + "x" + options.imageSize());
        }
        this.options = options;
        this.images = options.usesImage() ? images : new NoImages();
    }

    /**
     * Trains on {@code train} (validating on {@code validation} after each epoch when it is not empty) into the new
     * run directory {@code runDir}; images are decoded once with medvl's image pipeline. The entry point for other
     * code (e.g. the demo).
     */
    public static Result train(List<VqaItem> train, List<VqaItem> validation, VqaTrainOptions options, Path runDir) {
        List<Path> files = new ArrayList<>();
        if (options.usesImage()) {
            train.forEach(i -> files.add(Path.of(i.image().path())));
            validation.forEach(i -> files.add(Path.of(i.image().path())));
        }
        return new VqaTrainer(options, decodeOnce(options, files)).train(train, validation, runDir, false, null);
    }

    /** The preprocessing a VQA model of these options trains and predicts with. */
    public static PipelineImages pipeline(VqaTrainOptions options) {
        double[] mean = options.channels() == 1 ? new double[] {0.5} : new double[] {0.5, 0.5, 0.5};
        double[] std = options.channels() == 1 ? new double[] {0.25} : new double[] {0.25, 0.25, 0.25};
        return new PipelineImages(new PreprocessConfig(options.imageSize(), options.channels(), mean, std, "auto",
                true, 0));
    }

    /** Decodes every image once, in memory (no decoding when the kind does not use images). */
    public static ImageTensors decodeOnce(VqaTrainOptions options, List<Path> files) {
        if (!options.usesImage()) {
            return new NoImages();
        }
        return InMemoryImages.cache(pipeline(options), files);
    }

    public Result train(List<VqaItem> trainSet, List<VqaItem> validation, Path runDir, boolean resume,
                        StepListener listener) {
        if (trainSet.isEmpty()) {
            throw new MedvlException("the training set has no questions");
        }
        Path checkpointDir = runDir.resolve("checkpoint");
        String fingerprint = fingerprint(trainSet);
        if (!resume) {
            RunDirectory.refuseToOverwrite(runDir);
        }
        if (options.kind().equals(VqaConfig.MAJORITY)) {
            return trainMajority(trainSet, validation, runDir, fingerprint);
        }
        boolean generative = options.kind().equals(VqaConfig.GENERATIVE);
        VqaTrainingState state;
        WordPieceTokenizer tokenizer;
        WordVocabulary words;
        AnswerVocabulary answers;
        VqaConfig config;
        if (resume) {
            Checkpoints.require(checkpointDir, Checkpoints.TRAINING, Checkpoints.OPTIMIZER, AnswerVocabulary.FILE);
            state = Checkpoints.json(checkpointDir, Checkpoints.TRAINING, VqaTrainingState.class);
            if (!state.dataFingerprint().equals(fingerprint)) {
                throw new MedvlException(checkpointDir.resolve(Checkpoints.TRAINING)
                        + ": the training data differs from the data this run started with");
            }
            if (!state.options().equals(options)) {
                throw new MedvlException(checkpointDir.resolve(Checkpoints.TRAINING)
                        + ": the run was started with other options: " + state.options());
            }
            tokenizer = generative ? null : Checkpoints.tokenizer(checkpointDir);
            words = generative ? WordVocabulary.load(checkpointDir.resolve(AnswerDecoder.WORDS)) : null;
            answers = Checkpoints.json(checkpointDir, AnswerVocabulary.FILE, AnswerVocabulary.class);
            config = Checkpoints.json(checkpointDir, Checkpoints.CONFIG, VqaConfig.class);
        } else {
            tokenizer = generative ? null : new WordPieceTrainer(options.vocabSize(), 1).train(
                    trainSet.stream().map(VqaItem::question).toList());
            words = generative ? AnswerDecoder.vocabulary(trainSet) : null;
            answers = AnswerVocabulary.build(trainSet, options.minAnswerCount());
            config = options.architecture().withSizes(generative ? words.size() : tokenizer.vocabSize(),
                    answers.size());
            state = null;
        }
        List<Example> examples = new ArrayList<>();
        for (VqaItem it : trainSet) {
            int label = answers.indexOf(it.answer());
            if (label >= 0 || generative) {
                examples.add(new Example(Path.of(it.image().path()), it.question(), it.answer(), label));
            }
        }
        int skipped = trainSet.size() - examples.size();
        int batchSize = Math.min(options.batchSize(), examples.size());
        int stepsPerEpoch = examples.size() / batchSize;
        if (state == null) {
            state = new VqaTrainingState(MedvlVersion.get(), options.seed(), 0, 0, 0, fingerprint, examples.size(),
                    skipped, options, List.of(), Instant.now().toString());
        }
        long totalSteps = (long) stepsPerEpoch * options.epochs();
        LearningRateSchedule schedule = new LearningRateSchedule(options.learningRate(), options.minLearningRate(),
                Math.min(options.warmupSteps(), totalSteps / 2), totalSteps);
        MetricsLog log = new MetricsLog(runDir);
        List<Map<String, Object>> history = new ArrayList<>(state.history());
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed((int) Seeds.derive(options.seed(), -1));
            AbstractBlock network = VqaModel.network(config, manager);
            if (!resume && options.initFromClip() != null) {
                ImageEncoder encoder = network instanceof ReportNetwork d ? d.imageEncoder()
                        : ((VqaNetwork) network).imageEncoder();
                ClipEncoderTransfer.copy(Path.of(options.initFromClip()), encoder, config.image(),
                        config.imageSize(), config.channels(), images, manager, "VQA model");
            }
            try (AdamW optimizer = AdamW.of(network, manager, options.weightDecay(), options.gradClip());
                 BatchLoader loader = new BatchLoader(examples.stream().map(Example::image).toList(), images,
                         new Augmenter(options.augment()), options.seed(), options.workers());
                 Progress progress = Progress.start("train vqa", totalSteps)) {
                if (resume) {
                    Checkpoints.loadWeights(checkpointDir, network, manager);
                    Checkpoints.loadOptimizer(checkpointDir, optimizer);
                    progress.stepBy(state.step());
                }
                long step = state.step();
                double lossSum = state.epochLossSum();
                int lossCount = state.epochLossCount();
                long started = System.nanoTime();
                while (step < totalSteps) {
                    int epoch = (int) (step / stepsPerEpoch);
                    int[] order = Seeds.permutation(examples.size(), Seeds.derive(options.seed(), epoch, 7));
                    Iterator<BatchLoader.Batch> batches = loader.batches(epoch, order, batchSize,
                            (int) (step % stepsPerEpoch), true);
                    while (batches.hasNext()) {
                        BatchLoader.Batch batch = batches.next();
                        float lr = schedule.at(step);
                        float loss = step(network, optimizer, manager, tokenizer, words, config, batch, examples, lr,
                                step);
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
                                m.putAll(validate(network, tokenizer, words, answers, manager, validation));
                            }
                            m.put("seconds", Math.round((System.nanoTime() - started) / 1e7) / 100.0);
                            history.add(m);
                            lossSum = 0;
                            lossCount = 0;
                            log.write(history);
                        }
                        if (epochEnd || (options.checkpointEvery() > 0 && step % options.checkpointEvery() == 0)) {
                            state = new VqaTrainingState(state.medvlVersion(), options.seed(), step, lossSum,
                                    lossCount, fingerprint, examples.size(), skipped, options, List.copyOf(history),
                                    state.created());
                            save(checkpointDir, network, optimizer, tokenizer, words, answers, config, state);
                        }
                    }
                }
                save(runDir.resolve("model"), network, null, tokenizer, words, answers, config, state);
            }
        }
        return new Result(runDir.resolve("model"), history.isEmpty() ? Map.of() : history.get(history.size() - 1),
                totalSteps);
    }

    private Result trainMajority(List<VqaItem> trainSet, List<VqaItem> validation, Path runDir, String fingerprint) {
        MajorityBaseline baseline = MajorityBaseline.fit(trainSet);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", 1);
        m.put("closed_answer", baseline.closed());
        m.put("open_answer", baseline.open());
        if (!validation.isEmpty()) {
            List<ModelAnswer> predicted = validation.stream()
                    .map(v -> baseline.answer(QuestionForm.looksClosed(v.question()))).toList();
            m.putAll(VqaScoring.summary(validation, predicted, "val_"));
        }
        VqaConfig config = options.architecture();
        VqaTrainingState state = new VqaTrainingState(MedvlVersion.get(), options.seed(), 0, 0, 0, fingerprint,
                trainSet.size(), 0, options, List.of(m), Instant.now().toString());
        new CheckpointWriter().json(Checkpoints.CONFIG, config).json(MajorityBaseline.FILE, baseline)
                .json(Checkpoints.TRAINING, state).commit(runDir.resolve("model"));
        new MetricsLog(runDir).write(List.of(m));
        return new Result(runDir.resolve("model"), m, 0);
    }

    private float step(AbstractBlock network, AdamW optimizer, NDManager manager, WordPieceTokenizer tokenizer,
                       WordVocabulary words, VqaConfig config, BatchLoader.Batch batch, List<Example> examples,
                       float lr, long step) {
        // Reseeding per step makes dropout depend on the step only, not on what ran before a resume.
        Engine.getInstance().setRandomSeed((int) Seeds.derive(options.seed(), step));
        int b = batch.indices().length;
        List<Example> chosen = new ArrayList<>(b);
        for (int i = 0; i < b; i++) {
            chosen.add(examples.get(batch.indices()[i]));
        }
        List<String> questions = chosen.stream().map(Example::question).toList();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = config.usesImage()
                    ? scope.create(batch.images(), new Shape(b, images.channels(), images.size(), images.size()))
                    : scope.zeros(new Shape(b, 1));
            ParameterStore ps = new ParameterStore(scope, false);
            float lossValue;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = network instanceof ReportNetwork decoder
                        ? AnswerDecoder.loss(decoder, words, config.text().maxLength(), ps, x, questions,
                                chosen.stream().map(Example::answer).toList(), options.labelSmoothing())
                        : classifierLoss(network, ps, x, tokenizer, config, questions, chosen);
                lossValue = loss.getFloat();
                if (!Float.isFinite(lossValue)) {
                    throw new MedvlException("training diverged: the loss is " + lossValue + " at step " + step);
                }
                collector.backward(loss);
            }
            optimizer.step(lr);
            return lossValue;
        }
    }

    /** Cross-entropy over the answer classes with label smoothing. */
    private NDArray classifierLoss(AbstractBlock network, ParameterStore ps, NDArray x, WordPieceTokenizer tokenizer,
                                   VqaConfig config, List<String> questions, List<Example> chosen) {
        NDManager scope = x.getManager();
        int b = chosen.size();
        int a = config.answers();
        float[] target = new float[b * a];
        float off = a > 1 ? options.labelSmoothing() / (a - 1) : 0f;
        java.util.Arrays.fill(target, off);
        for (int i = 0; i < b; i++) {
            target[i * a + chosen.get(i).label()] = a > 1 ? 1f - options.labelSmoothing() : 1f;
        }
        TokenBatch tb = tokenizer.encodeBatch(questions, config.text().maxLength());
        NDArray ids = scope.create(tb.ids(), new Shape(tb.batch(), tb.length()));
        NDArray mask = scope.create(tb.mask(), new Shape(tb.batch(), tb.length()));
        NDArray t = scope.create(target, new Shape(b, a));
        NDArray logits = network.forward(ps, new NDList(x, ids, mask), true).head();
        return logits.logSoftmax(-1).mul(t).sum(new int[] {-1}).neg().mean();
    }

    private Map<String, Object> validate(AbstractBlock network, WordPieceTokenizer tokenizer, WordVocabulary words,
                                         AnswerVocabulary answers, NDManager manager, List<VqaItem> validation) {
        try (Answering predictor = VqaModel.answering(network, tokenizer, words, answers, images, manager)) {
            List<String> questions = validation.stream().map(VqaItem::question).map(predictor::clip).toList();
            List<ModelAnswer> predicted = predictor.predict(
                    validation.stream().map(v -> Path.of(v.image().path())).toList(), questions);
            return VqaScoring.summary(validation, predicted, "val_");
        }
    }

    private void save(Path dir, AbstractBlock network, AdamW optimizer, WordPieceTokenizer tokenizer,
                      WordVocabulary words, AnswerVocabulary answers, VqaConfig config, VqaTrainingState state) {
        CheckpointWriter writer = new CheckpointWriter();
        if (words != null) {
            writer.json(AnswerDecoder.WORDS, words.toJson());
        }
        writer.weights(network).optimizer(optimizer).tokenizer(tokenizer).json(Checkpoints.CONFIG, config).json(AnswerVocabulary.FILE, answers)
                .json(Checkpoints.PREPROCESS, images.describe()).json(Checkpoints.TRAINING, state).commit(dir);
    }

    /** SHA-256 over ids, image file names, questions and answers, in order: detects a resume on different data. */
    public static String fingerprint(List<VqaItem> items) {
        return DataFingerprint.of(items, e -> e.id() + "\t" + Path.of(e.image().path()).getFileName() + "\t"
                + e.question() + "\t" + e.answer());
    }

    /** A training question; label is the answer's class, -1 when outside the vocabulary (generative only). */
    private record Example(Path image, String question, String answer, int label) {
    }
}
