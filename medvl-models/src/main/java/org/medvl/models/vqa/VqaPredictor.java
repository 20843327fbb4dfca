package org.medvl.models.vqa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.tokenizer.TokenBatch;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.train.ImageTensors;

/**
 * Runs a {@link VqaNetwork} in inference mode on batches of (image, question): the answer with its probability and
 * the next best answers. Shared by the trainer's validation and {@link VqaModel}.
 */
final class VqaPredictor extends Answering {
    static final int TOP_K = 5;
    private final VqaNetwork network;
    private final WordPieceTokenizer tokenizer;
    private final AnswerVocabulary answers;

    VqaPredictor(VqaNetwork network, WordPieceTokenizer tokenizer, AnswerVocabulary answers, ImageTensors images,
                 NDManager parent) {
        super(images, parent);
        this.network = network;
        this.tokenizer = tokenizer;
        this.answers = answers;
    }

    @Override
    void check(String question) {
        checkQuestion(question, q -> tokenizer.encode(q).length, network.config().text().maxLength(), "word pieces");
    }

    @Override
    String clip(String question) {
        return clip(question, q -> tokenizer.encode(q).length, network.config().text().maxLength());
    }

    /** A clear error for an empty question or one longer than {@code max} {@code unit} by {@code length}. */
    static void checkQuestion(String question, ToIntFunction<String> length, int max, String unit) {
        if (question == null || question.isBlank()) {
            throw new MedvlException("the question is empty");
        }
        int n = length.applyAsInt(question);
        if (n > max) {
            throw new MedvlException("the question is " + n + " " + unit + " long; this model reads at most " + max
                    + " (shorten it)");
        }
    }

    /** {@code q} cut at a word boundary to at most {@code max} units by {@code length} (as training truncates). */
    static String clip(String q, ToIntFunction<String> length, int max) {
        if (length.applyAsInt(q) <= max) {
            return q;
        }
        List<String> words = new ArrayList<>(List.of(q.trim().split("\\s+")));
        while (words.size() > 1 && length.applyAsInt(String.join(" ", words)) > max) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    @Override
    List<ModelAnswer> predict(List<Path> imageFiles, List<String> questions) {
        int maxTokens = network.config().text().maxLength();
        questions.forEach(this::check);
        List<ModelAnswer> out = new ArrayList<>(questions.size());
        boolean usesImage = network.config().usesImage();
        int per = images.channels() * images.size() * images.size();
        for (int from = 0; from < questions.size(); from += BATCH) {
            int to = Math.min(questions.size(), from + BATCH);
            int b = to - from;
            TokenBatch tb = tokenizer.encodeBatch(questions.subList(from, to), maxTokens);
            try (NDManager scope = manager.newSubManager()) {
                NDArray x;
                if (usesImage) {
                    float[] pixels = new float[b * per];
                    for (int i = 0; i < b; i++) {
                        System.arraycopy(images.load(imageFiles.get(from + i)), 0, pixels, i * per, per);
                    }
                    x = scope.create(pixels, new Shape(b, images.channels(), images.size(), images.size()));
                } else {
                    x = scope.zeros(new Shape(b, 1));
                }
                NDArray ids = scope.create(tb.ids(), new Shape(tb.batch(), tb.length()));
                NDArray mask = scope.create(tb.mask(), new Shape(tb.batch(), tb.length()));
                NDArray probs = network.forward(new ParameterStore(scope, false), new NDList(x, ids, mask), false)
                        .head().softmax(-1);
                float[] p = probs.toFloatArray();
                int a = answers.size();
                for (int i = 0; i < b; i++) {
                    out.add(ranked(p, i * a, a));
                }
            }
        }
        return out;
    }

    private ModelAnswer ranked(float[] p, int offset, int a) {
        int k = Math.min(TOP_K, a);
        int[] best = new int[k];
        java.util.Arrays.fill(best, -1);
        for (int j = 0; j < a; j++) {
            for (int r = 0; r < k; r++) {
                if (best[r] < 0 || p[offset + j] > p[offset + best[r]]) {
                    System.arraycopy(best, r, best, r + 1, k - r - 1);
                    best[r] = j;
                    break;
                }
            }
        }
        List<ModelAnswer.Alternative> alternatives = new ArrayList<>();
        for (int r = 0; r < k; r++) {
            alternatives.add(new ModelAnswer.Alternative(answers.answer(best[r]), p[offset + best[r]]));
        }
        return new ModelAnswer(answers.answer(best[0]), p[offset + best[0]], alternatives);
    }
}
