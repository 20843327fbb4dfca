package org.medvl.models.vqa;

import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;
import org.medvl.models.train.AugmentConfig;

/**
 * Everything a VQA training run is given besides its data: the architecture and the optimisation. Stored in every
 * checkpoint's training.json; a resumed run must be given the same options. Start from {@link #defaults()} and
 * change what you need with the {@code with...} methods.
 *
 * @param kind            "network", "question-only", "majority" or "generative" (see {@link VqaConfig})
 * @param imageSize       square input size in pixels
 * @param channels        1 (grey, radiology) or 3 (colour, pathology)
 * @param imageWidth      ResNet width of the first stage (features are 8x this)
 * @param imageDepth      residual blocks per ResNet stage
 * @param textWidth       question encoder and fusion width (generative: decoder width)
 * @param textDepth       question encoder Transformer layers (generative: decoder layers)
 * @param heads           attention heads
 * @param maxQuestionTokens longest question in word pieces, [CLS] and [SEP] included (generative: in words)
 * @param fusionLayers    cross-attention layers from question tokens to the image grid
 * @param dropout         dropout in the question encoder, fusion and classifier
 * @param epochs          passes over the training set
 * @param batchSize       questions per step
 * @param learningRate    AdamW peak rate
 * @param minLearningRate rate at the end of the cosine decay
 * @param warmupSteps     linear warm-up steps
 * @param weightDecay     decoupled weight decay on matrices
 * @param gradClip        global gradient-norm clip, 0 to disable
 * @param labelSmoothing  probability mass spread over the other answers (0 = plain cross-entropy)
 * @param seed            the run seed: initialisation, data order, augmentation and dropout derive from it
 * @param workers         augmentation threads (images are decoded once, before training)
 * @param checkpointEvery steps between mid-epoch checkpoints, 0 for epoch ends only
 * @param augment         image augmentation
 * @param vocabSize       WordPiece vocabulary size learned from the training questions
 * @param minAnswerCount  answers seen fewer times in training are left out of the answer vocabulary
 * @param initFromClip    a medvl CLIP checkpoint whose image encoder initialises this one, or null
 */
public record VqaTrainOptions(String kind, int imageSize, int channels, int imageWidth, int imageDepth, int textWidth,
                              int textDepth, int heads, int maxQuestionTokens, int fusionLayers, float dropout,
                              int epochs, int batchSize, float learningRate, float minLearningRate, int warmupSteps,
                              float weightDecay, float gradClip, float labelSmoothing, long seed, int workers,
                              int checkpointEvery, AugmentConfig augment, int vocabSize, int minAnswerCount,
                              String initFromClip) {
    public VqaTrainOptions {
        kind = VqaConfig.checkKind(kind);
        if (epochs <= 0 || batchSize < 1 || !(learningRate > 0) || workers <= 0 || vocabSize < 10
                || minAnswerCount < 1 || imageSize < 8 || maxQuestionTokens < 4 || textWidth % Math.max(1, heads) != 0
                || labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("VQA training needs epochs > 0, batch size >= 1, learning rate > 0, "
                    + "workers > 0, vocabulary >= 10, min answer count >= 1, image size >= 8, max question tokens >= 4, "
                    + "width divisible by heads, 0 <= label smoothing < 1");
        }
        augment = augment == null ? AugmentConfig.medicalDefault() : augment;
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 or 3");
        }
    }

    /**
     * The settings of the VQA-RAD run in docs/notes/issue-9.md (2 CPU cores): 64 px grey images, a width-16 ResNet,
     * a 2-layer question encoder of width 128, 2 fusion layers, 20 epochs, strong augmentation without flips
     * (questions ask about left and right).
     */
    public static VqaTrainOptions defaults() {
        return new VqaTrainOptions(VqaConfig.NETWORK, 64, 1, 16, 1, 128, 2, 4, 40, 2, 0.2f, 20, 32, 5e-4f, 1e-5f,
                100, 0.05f, 1.0f, 0.1f, 42L, 2, 0, new AugmentConfig(0.7f, 15f, 0.2f, 0.2f, false), 2000, 1, null);
    }

    public VqaTrainOptions withKind(String k) {
        return new VqaTrainOptions(k, imageSize, channels, imageWidth, imageDepth, textWidth, textDepth, heads,
                maxQuestionTokens, fusionLayers, dropout, epochs, batchSize, learningRate, minLearningRate,
                warmupSteps, weightDecay, gradClip, labelSmoothing, seed, workers, checkpointEvery, augment, vocabSize,
                minAnswerCount, initFromClip);
    }

    public VqaTrainOptions withEpochs(int e) {
        return new VqaTrainOptions(kind, imageSize, channels, imageWidth, imageDepth, textWidth, textDepth, heads,
                maxQuestionTokens, fusionLayers, dropout, e, batchSize, learningRate, minLearningRate,
                warmupSteps, weightDecay, gradClip, labelSmoothing, seed, workers, checkpointEvery, augment, vocabSize,
                minAnswerCount, initFromClip);
    }

    public VqaTrainOptions withImage(int size, int channelCount) {
        return new VqaTrainOptions(kind, size, channelCount, imageWidth, imageDepth, textWidth, textDepth, heads,
                maxQuestionTokens, fusionLayers, dropout, epochs, batchSize, learningRate, minLearningRate,
                warmupSteps, weightDecay, gradClip, labelSmoothing, seed, workers, checkpointEvery, augment, vocabSize,
                minAnswerCount, initFromClip);
    }

    public VqaTrainOptions withSeed(long s) {
        return new VqaTrainOptions(kind, imageSize, channels, imageWidth, imageDepth, textWidth, textDepth, heads,
                maxQuestionTokens, fusionLayers, dropout, epochs, batchSize, learningRate, minLearningRate,
                warmupSteps, weightDecay, gradClip, labelSmoothing, s, workers, checkpointEvery, augment, vocabSize,
                minAnswerCount, initFromClip);
    }

    /** Whether this kind of model looks at the image (network, generative). */
    public boolean usesImage() {
        return VqaConfig.usesImage(kind);
    }

    /** The architecture before the tokenizer and the answer vocabulary are known (sizes filled in by the trainer). */
    VqaConfig architecture() {
        if (kind.equals(VqaConfig.MAJORITY)) {
            return new VqaConfig(VqaConfig.TASK, kind, null, null, imageSize, channels, 0, 0, 0f);
        }
        ImageEncoderConfig image = usesImage() ? ImageEncoderConfig.resnet(imageWidth, imageDepth)
                : null;
        return new VqaConfig(VqaConfig.TASK, kind, image, new TextEncoderConfig(10, maxQuestionTokens, textWidth,
                textDepth, heads, dropout), imageSize, channels, fusionLayers, 1, dropout);
    }
}
