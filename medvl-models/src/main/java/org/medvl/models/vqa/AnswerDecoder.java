package org.medvl.models.vqa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.medvl.core.record.VqaItem;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.nn.TextEncoderConfig;
import org.medvl.models.report.ReportConfig;
import org.medvl.models.report.ReportGenerator;
import org.medvl.models.report.ReportNetwork;
import org.medvl.models.report.WordVocabulary;
import org.medvl.models.report.decode.DecodeOptions;
import org.medvl.models.train.ImageTensors;

/**
 * The generative VQA kind ({@code --kind generative}): answers are written word by word, so they need not be training
 * answers. It reuses the report generator's image-conditioned decoder ({@link ReportNetwork}: image grid features as
 * cross-attention memory, a causal Transformer over a {@link WordVocabulary} of the training questions and answers)
 * on the sequence "question words, end token, answer words, end token"; the end token doubles as the separator (it is
 * never an input token otherwise). Training is teacher-forced with the loss on the answer words and the final end
 * token only; answering forces the question and separator as the prefix and decodes greedily until the end token
 * ({@link ReportGenerator#continueAfter}), so any sequence of vocabulary words can come out, including answers never
 * seen whole. The probability given is the sequence probability p(answer words, end | image, question); there are no
 * alternatives.
 */
final class AnswerDecoder extends Answering {
    /** The word vocabulary in a generative model directory. */
    static final String WORDS = "words.json";
    /** Longest answer in words; longer training answers are cut. */
    static final int MAX_ANSWER_WORDS = 12;
    private final WordVocabulary words;
    private final ReportGenerator generator;
    private final int maxQuestionWords;

    AnswerDecoder(ReportNetwork network, WordVocabulary words, ImageTensors images, NDManager parent) {
        super(images, parent);
        this.words = words;
        this.generator = new ReportGenerator(network, manager);
        this.maxQuestionWords = network.config().maxLength() - 1 - MAX_ANSWER_WORDS;
    }

    /** The decoder of a generative VQA config: one image per question, room for question, separator and answer. */
    static ReportConfig decoderConfig(VqaConfig c) {
        TextEncoderConfig t = c.text();
        return new ReportConfig(ReportConfig.TASK, c.image(), c.imageSize(), c.channels(), "transformer", t.width(),
                t.depth(), t.heads(), c.dropout(), t.maxLength() + 1 + MAX_ANSWER_WORDS, t.vocabSize(), 1, 1);
    }

    /** Every word of the training questions and answers. */
    static WordVocabulary vocabulary(List<VqaItem> train) {
        List<String> texts = new ArrayList<>(2 * train.size());
        for (VqaItem it : train) {
            texts.add(it.question());
            texts.add(it.answer());
        }
        return WordVocabulary.build(texts, 1);
    }

    /** Teacher-forced loss of the answers after their questions; pixels (B, C, H, W). */
    static NDArray loss(ReportNetwork network, WordVocabulary words, int maxQuestionWords, ParameterStore ps,
                        NDArray pixels, List<String> questions, List<String> answers, float labelSmoothing) {
        List<int[]> prefixes = questions.stream().map(q -> prefix(words, q, maxQuestionWords)).toList();
        List<int[]> targets = answers.stream().map(a -> words.encode(a, MAX_ANSWER_WORDS)).toList();
        return network.continuationLoss(ps, pixels, prefixes, targets, labelSmoothing, true);
    }

    /** The forced prefix: the question's words (at most {@code maxWords}) and the separator. */
    private static int[] prefix(WordVocabulary words, String question, int maxWords) {
        int[] q = words.encode(question, maxWords);
        int[] out = Arrays.copyOf(q, q.length + 1);
        out[q.length] = WordVocabulary.EOS;
        return out;
    }

    private int length(String question) {
        return WordVocabulary.words(question).size();
    }

    @Override
    void check(String question) {
        VqaPredictor.checkQuestion(question, this::length, maxQuestionWords, "words");
    }

    @Override
    String clip(String question) {
        return VqaPredictor.clip(question, this::length, maxQuestionWords);
    }

    @Override
    List<ModelAnswer> predict(List<Path> imageFiles, List<String> questions) {
        questions.forEach(this::check);
        List<List<float[]>> studies = new ArrayList<>(questions.size());
        List<int[]> prefixes = new ArrayList<>(questions.size());
        for (int i = 0; i < questions.size(); i++) {
            studies.add(List.of(images.load(imageFiles.get(i))));
            prefixes.add(prefix(words, questions.get(i), maxQuestionWords));
        }
        List<ModelAnswer> out = new ArrayList<>(questions.size());
        for (ReportGenerator.Continuation c : generator.continueAfter(studies, prefixes,
                DecodeOptions.greedy(MAX_ANSWER_WORDS), BATCH)) {
            String text = Arrays.stream(c.tokens()).mapToObj(words::word).collect(Collectors.joining(" "));
            out.add(new ModelAnswer(text, Math.exp(c.logProb()), List.of()));
        }
        return out;
    }
}
