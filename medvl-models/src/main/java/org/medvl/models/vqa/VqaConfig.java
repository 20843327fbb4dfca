package org.medvl.models.vqa;

import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;

/**
 * The architecture of a medvl VQA model, stored as config.json in every checkpoint so loading rebuilds the exact
 * network. {@code task} is always "vqa" (how {@link org.medvl.models.api.MedvlModels} recognises the directory).
 *
 * @param task          always "vqa"
 * @param kind          "network" (image + question), "question-only" (the same network without the image) or
 *                      "majority" (majority answer per answer type; no network)
 * @param image         the image encoder (null for question-only and majority)
 * @param text          the question encoder (null for majority)
 * @param imageSize     square input size in pixels
 * @param channels      input channels (1 grey, 3 colour)
 * @param fusionLayers  Transformer layers in which question tokens cross-attend to the image grid
 * @param answers       size of the answer vocabulary (classes of the head)
 * @param dropout       dropout of the fusion layers and the classifier
 */
public record VqaConfig(String task, String kind, ImageEncoderConfig image, TextEncoderConfig text, int imageSize,
                        int channels, int fusionLayers, int answers, float dropout) {
    public static final String TASK = "vqa";
    public static final String NETWORK = "network";
    public static final String QUESTION_ONLY = "question-only";
    public static final String MAJORITY = "majority";

    public VqaConfig {
        task = TASK;
        kind = kind == null ? NETWORK : kind;
        if (!kind.equals(NETWORK) && !kind.equals(QUESTION_ONLY) && !kind.equals(MAJORITY)) {
            throw new IllegalArgumentException("VQA model kind '" + kind + "' is not one of network, question-only, "
                    + "majority");
        }
        if (kind.equals(NETWORK) && image == null) {
            throw new IllegalArgumentException("a VQA network needs an image encoder");
        }
        if (!kind.equals(MAJORITY) && (text == null || answers < 1)) {
            throw new IllegalArgumentException("a VQA network needs a question encoder and at least one answer");
        }
    }

    public boolean usesImage() {
        return kind.equals(NETWORK);
    }

    VqaConfig withSizes(int vocabSize, int answerCount) {
        TextEncoderConfig t = new TextEncoderConfig(vocabSize, text.maxLength(), text.width(), text.depth(),
                text.heads(), text.dropout());
        return new VqaConfig(task, kind, image, t, imageSize, channels, fusionLayers, answerCount, dropout);
    }
}
