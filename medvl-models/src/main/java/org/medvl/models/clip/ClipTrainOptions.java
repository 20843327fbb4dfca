package org.medvl.models.clip;

import org.medvl.models.train.AugmentConfig;

/**
 * How a CLIP-style model is trained; stored in every checkpoint's training.json.
 *
 * @param epochs          passes over the training set
 * @param batchSize       image-text pairs per step (also the number of negatives + 1 for InfoNCE)
 * @param learningRate    AdamW peak rate
 * @param minLearningRate rate at the end of the cosine decay
 * @param warmupSteps     linear warm-up steps
 * @param weightDecay     decoupled weight decay on matrices
 * @param gradClip        global gradient-norm clip, 0 to disable
 * @param seed            the run seed: initialisation, data order, augmentation and dropout all derive from it
 * @param workers         image decoding threads
 * @param checkpointEvery steps between mid-epoch checkpoints, 0 for epoch ends only
 * @param augment         image augmentation
 * @param vocabSize       WordPiece vocabulary size learned from the training texts
 * @param textTemplate    how the training text is built from a record: {caption}, {modality}, {plane}
 */
public record ClipTrainOptions(int epochs, int batchSize, float learningRate, float minLearningRate, int warmupSteps,
                               float weightDecay, float gradClip, long seed, int workers, int checkpointEvery,
                               AugmentConfig augment, int vocabSize, String textTemplate) {
    public ClipTrainOptions {
        if (epochs <= 0 || batchSize < 2 || !(learningRate > 0) || workers <= 0 || vocabSize < 10) {
            throw new IllegalArgumentException(
                    "need epochs > 0, batch size >= 2, learning rate > 0, workers > 0, vocabulary >= 10");
        }
        augment = augment == null ? AugmentConfig.medicalDefault() : augment;
        textTemplate = textTemplate == null || textTemplate.isBlank() ? "{caption}" : textTemplate;
        if (!textTemplate.contains("{caption}")) {
            throw new IllegalArgumentException("text template '" + textTemplate + "' must contain {caption}");
        }
    }

    /** The text a record trains with, e.g. "{modality} {plane}. {caption}" -> "CT Axial. Mass in the ...". */
    public String text(ClipExample e) {
        return e.text(textTemplate);
    }
}
