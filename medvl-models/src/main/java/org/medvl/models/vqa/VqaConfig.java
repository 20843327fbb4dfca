package org.medvl.models.vqa;

import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;

/**
 * The architecture of a medvl VQA model, stored as config.json in every checkpoint so loading rebuilds the exact
 * network. {@code task} is always "vqa" (how {@link org.medvl.models.api.MedvlModels} recognises the directory).
 *
 * @param task          always "vqa"
 * @param kind          "network" (image + question), "question-only" (the same network without the image),
 *                      "majority" (majority answer per answer type; no network) or "generative" (an image-conditioned
 *                      decoder writes the answer word by word after the question, see {@link AnswerDecoder})
 * @param image         the image encoder (null for question-only and majority)
 * @param text          the question encoder (null for majority); for generative, the decoder: its vocabulary is the
 *                      word vocabulary, maxLength the longest question in words, width / depth / heads the decoder's
 * @param imageSize     square input size in pixels
 * @param channels      input channels (1 grey, 3 colour)
 * @param fusionLayers  Transformer layers in which question tokens cross-attend to the image grid (not generative)
 * @param answers       size of the answer vocabulary (classes of the head; for generative only informative)
 * @param dropout       dropout of the fusion layers and the classifier
 */
public record VqaConfig(String task, String kind, ImageEncoderConfig image, TextEncoderConfig text, int imageSize,
                        int channels, int fusionLayers, int answers, float dropout) {
    public static final String TASK = "vqa";
    public static final String NETWORK = "network";
    public static final String QUESTION_ONLY = "question-only";
    public static final String MAJORITY = "majority";
    public static final String GENERATIVE = "generative";
    static final java.util.List<String> KINDS = java.util.List.of(NETWORK, QUESTION_ONLY, MAJORITY, GENERATIVE);

    public VqaConfig {
        task = TASK;
        kind = checkKind(kind);
        if (usesImage(kind) && image == null) {
            throw new IllegalArgumentException("a VQA network needs an image encoder");
        }
        if (!kind.equals(MAJORITY) && (text == null || answers < 1)) {
            throw new IllegalArgumentException("a VQA network needs a question encoder and at least one answer");
        }
    }

    /** The kind, "network" when null; a clear error for an unknown one. */
    static String checkKind(String kind) {
        String k = kind == null ? NETWORK : kind;
        if (!KINDS.contains(k)) {
            throw new IllegalArgumentException("VQA model kind '" + k + "' is not one of " + String.join(", ", KINDS));
        }
        return k;
    }

    static boolean usesImage(String kind) {
        return kind.equals(NETWORK) || kind.equals(GENERATIVE);
    }

    public boolean usesImage() {
        return usesImage(kind);
    }

    public boolean generative() {
        return kind.equals(GENERATIVE);
    }

    VqaConfig withSizes(int vocabSize, int answerCount) {
        TextEncoderConfig t = new TextEncoderConfig(vocabSize, text.maxLength(), text.width(), text.depth(),
                text.heads(), text.dropout());
        return new VqaConfig(task, kind, image, t, imageSize, channels, fusionLayers, answerCount, dropout);
    }
}
