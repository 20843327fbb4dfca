package org.medvl.models.vqa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.tokenizer.TokenBatch;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.train.ImageTensors;

/**
 * Runs a {@link VqaNetwork} in inference mode on batches of (image, question): the answer with its probability and
 * the next best answers. Shared by the trainer's validation and {@link VqaModel}. Not thread-safe.
 */
final class VqaPredictor implements AutoCloseable {
    static final int TOP_K = 5;
    private static final int BATCH = 32;
    private final VqaNetwork network;
    private final WordPieceTokenizer tokenizer;
    private final AnswerVocabulary answers;
    private final ImageTensors images;
    private final NDManager manager;

    VqaPredictor(VqaNetwork network, WordPieceTokenizer tokenizer, AnswerVocabulary answers, ImageTensors images,
                 NDManager parent) {
        this.network = network;
        this.tokenizer = tokenizer;
        this.answers = answers;
        this.images = images;
        this.manager = parent.newSubManager();
    }

    /** A clear error for an empty question or one longer than the model reads. */
    static void checkQuestion(String question, WordPieceTokenizer tokenizer, int maxTokens) {
        if (question == null || question.isBlank()) {
            throw new MedvlException("the question is empty");
        }
        int n = tokenizer.encode(question).length;
        if (n > maxTokens) {
            throw new MedvlException("the question is " + n + " word pieces long; this model reads at most "
                    + maxTokens + " (shorten it)");
        }
    }

    /** {@code q} cut at a word boundary to at most {@code maxTokens} word pieces (as training truncates). */
    static String clip(String q, WordPieceTokenizer tokenizer, int maxTokens) {
        if (tokenizer.encode(q).length <= maxTokens) {
            return q;
        }
        List<String> words = new ArrayList<>(List.of(q.trim().split("\\s+")));
        while (words.size() > 1 && tokenizer.encode(String.join(" ", words)).length > maxTokens) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    List<ModelAnswer> predict(List<Path> imageFiles, List<String> questions) {
        int maxTokens = network.config().text().maxLength();
        for (String q : questions) {
            checkQuestion(q, tokenizer, maxTokens);
        }
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

    @Override
    public void close() {
        manager.close();
    }
}
