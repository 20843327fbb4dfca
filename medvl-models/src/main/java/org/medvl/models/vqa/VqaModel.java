package org.medvl.models.vqa;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.report.ReportNetwork;
import org.medvl.models.report.WordVocabulary;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.PipelineImages;

/**
 * A saved medvl VQA network (image + question, or question-only) as a {@link QuestionAnswerer}: the answer from the
 * training answer vocabulary with its probability and the top-5 answers; for the generative kind the decoded answer
 * with its sequence probability ({@link AnswerDecoder}). Decodes images with the preprocessing the
 * model was trained with (preprocess.json) and keeps the last decoded images, since datasets ask many questions
 * about each image. Open directories through {@link #open} (or {@code MedvlModels.openQuestionAnswerer}).
 */
public final class VqaModel implements QuestionAnswerer {
    private static final int IMAGE_CACHE = 256;
    private final String name;
    private final VqaConfig config;
    private final AnswerVocabulary answers;
    private final NDManager manager;
    private final Answering predictor;

    private VqaModel(String name, VqaConfig config, AnswerVocabulary answers, NDManager manager,
                     Answering predictor) {
        this.name = name;
        this.config = config;
        this.answers = answers;
        this.manager = manager;
        this.predictor = predictor;
    }

    /** Opens any medvl VQA model directory: a network, a question-only network or the majority baseline. */
    public static QuestionAnswerer open(Path dir) {
        Checkpoints.require(dir, Checkpoints.CONFIG);
        VqaConfig config = Checkpoints.json(dir, Checkpoints.CONFIG, VqaConfig.class);
        if (config.kind().equals(VqaConfig.MAJORITY)) {
            Checkpoints.require(dir, MajorityBaseline.FILE);
            return Checkpoints.json(dir, MajorityBaseline.FILE, MajorityBaseline.class).answerer(dir);
        }
        return load(dir);
    }

    /** Loads a VQA network checkpoint; close it to free the native memory. */
    public static VqaModel load(Path dir) {
        Checkpoints.require(dir, Checkpoints.CONFIG);
        VqaConfig config = Checkpoints.json(dir, Checkpoints.CONFIG, VqaConfig.class);
        if (config.kind().equals(VqaConfig.MAJORITY)) {
            throw new MedvlException(dir + " holds the majority baseline, not a VQA network: use VqaModel.open");
        }
        String vocabularyFile = config.generative() ? AnswerDecoder.WORDS : Checkpoints.TOKENIZER;
        Checkpoints.require(dir, Checkpoints.WEIGHTS, vocabularyFile, AnswerVocabulary.FILE, Checkpoints.PREPROCESS);
        WordPieceTokenizer tokenizer = config.generative() ? null : Checkpoints.tokenizer(dir);
        WordVocabulary words = config.generative() ? WordVocabulary.load(dir.resolve(AnswerDecoder.WORDS)) : null;
        int vocabSize = config.generative() ? words.size() : tokenizer.vocabSize();
        AnswerVocabulary answers = Checkpoints.json(dir, AnswerVocabulary.FILE, AnswerVocabulary.class);
        if (vocabSize != config.text().vocabSize() || answers.size() != config.answers()) {
            throw new MedvlException(dir.resolve(Checkpoints.CONFIG) + ": " + vocabularyFile + " (" + vocabSize
                    + ") or answers.json (" + answers.size() + ") does not match the sizes in config.json");
        }
        ImageTensors images = config.usesImage()
                ? new CachedImages(PipelineImages.fromJson(Checkpoints.tree(dir, Checkpoints.PREPROCESS),
                        dir.resolve(Checkpoints.PREPROCESS).toString()), IMAGE_CACHE)
                : new NoImages();
        NDManager manager = NDManager.newBaseManager();
        try {
            AbstractBlock network = network(config, manager);
            Checkpoints.loadWeights(dir, network, manager);
            String kind = config.generative() ? "medvl-generative:"
                    : config.usesImage() ? "medvl:" : "medvl-question-only:";
            return new VqaModel(kind + displayName(dir), config, answers, manager,
                    answering(network, tokenizer, words, answers, images, manager));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The network of a config (classifier or generative decoder), initialised (Xavier weights). */
    static AbstractBlock network(VqaConfig config, NDManager manager) {
        if (config.generative()) {
            ReportNetwork n = new ReportNetwork(AnswerDecoder.decoderConfig(config));
            n.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            n.initialize(manager);
            return n;
        }
        VqaNetwork n = new VqaNetwork(config);
        n.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
        n.initialize(manager);
        return n;
    }

    /** What answers with {@code network}: the decoder (with {@code words}) or the classifier (with the tokenizer). */
    static Answering answering(AbstractBlock network, WordPieceTokenizer tokenizer, WordVocabulary words,
                               AnswerVocabulary answers, ImageTensors images, NDManager manager) {
        if (network instanceof ReportNetwork decoder) {
            return new AnswerDecoder(decoder, words, images, manager);
        }
        return new VqaPredictor((VqaNetwork) network, tokenizer, answers, images, manager);
    }

    /** The directory's name, or its run's name for the usual RUN/model layout (e.g. "vqa-rad" for vqa-rad/model). */
    static String displayName(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path name = abs.getFileName();
        if (name != null && name.toString().equals("model") && abs.getParent() != null
                && abs.getParent().getFileName() != null) {
            return abs.getParent().getFileName().toString();
        }
        return name == null ? abs.toString() : name.toString();
    }

    public VqaConfig config() {
        return config;
    }

    public AnswerVocabulary answers() {
        return answers;
    }

    /** The question cut at a word boundary to the length this model reads (for scoring whole datasets). */
    public String clipQuestion(String question) {
        return predictor.clip(question);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ModelAnswer answer(VisualQuestion question) {
        return answerAll(List.of(question)).get(0);
    }

    /** Answers many questions in batches (much faster than one by one). */
    public synchronized List<ModelAnswer> answerAll(List<VisualQuestion> questions) {
        List<Path> images = new ArrayList<>(questions.size());
        List<String> texts = new ArrayList<>(questions.size());
        for (VisualQuestion q : questions) {
            predictor.check(q.question());
            if (config.usesImage()) {
                if (q.image() == null) {
                    throw new MedvlException("question " + q.id() + " has no image; this model answers about images");
                }
                if (!Files.isRegularFile(q.image())) {
                    throw new MedvlException("image file not found: " + q.image());
                }
            }
            images.add(q.image());
            texts.add(q.question());
        }
        return predictor.predict(images, texts);
    }

    @Override
    public synchronized void close() {
        predictor.close();
        manager.close();
    }

    /** The pipeline's tensors with the most recently used {@code capacity} images kept decoded. */
    private static final class CachedImages implements ImageTensors {
        private final ImageTensors source;
        private final Map<Path, float[]> cache;

        CachedImages(ImageTensors source, int capacity) {
            this.source = source;
            this.cache = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, float[]> eldest) {
                    return size() > capacity;
                }
            };
        }

        @Override
        public synchronized float[] load(Path image) {
            return cache.computeIfAbsent(image, source::load);
        }

        @Override
        public int channels() {
            return source.channels();
        }

        @Override
        public int size() {
            return source.size();
        }

        @Override
        public com.fasterxml.jackson.databind.JsonNode describe() {
            return source.describe();
        }
    }
}
