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
 * @param textTemplate    how the training text is built from a record: {caption}, {modality}, {plane},
 *                        {location}
 * @param captionDropout  fraction of training texts (drawn per step) that keep only the template's other fields,
 *                        e.g. "CT Axial.", so the text side learns the metadata words zero-shot prompts use
 * @param identicalTextsMatch count every pair of a batch whose texts are identical as a match (a multi-positive
 *                        InfoNCE target) instead of a negative; always on when captionDropout is above 0
 * @param metadataLoss    weight of a second InfoNCE term, taken every step, between the batch's images and their
 *                        caption-less texts ("CT Axial.", identical texts as matches); 0 for none. Unlike caption
 *                        dropout it teaches the metadata words without taking captions out of the retrieval loss
 * @param locationDropout fraction of the caption-less texts (drawn per step) that also leave out {location}
 *                        ("CT Axial." instead of "CT Axial Brain and Neuro."), so zero-shot prompts without a body
 *                        region still find texts the model was trained on
 */
public record ClipTrainOptions(int epochs, int batchSize, float learningRate, float minLearningRate, int warmupSteps,
                               float weightDecay, float gradClip, long seed, int workers, int checkpointEvery,
                               AugmentConfig augment, int vocabSize, String textTemplate, float captionDropout,
                               boolean identicalTextsMatch, float metadataLoss,
                               float locationDropout) {
    /** Without the metadata loss term or location dropout. */
    public ClipTrainOptions(int epochs, int batchSize, float learningRate, float minLearningRate, int warmupSteps,
                            float weightDecay, float gradClip, long seed, int workers, int checkpointEvery,
                            AugmentConfig augment, int vocabSize, String textTemplate, float captionDropout,
                            boolean identicalTextsMatch) {
        this(epochs, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, gradClip, seed, workers,
                checkpointEvery, augment, vocabSize, textTemplate, captionDropout, identicalTextsMatch, 0f, 0f);
    }

    /** Plain CLIP training: captions always, one positive per row. */
    public ClipTrainOptions(int epochs, int batchSize, float learningRate, float minLearningRate, int warmupSteps,
                            float weightDecay, float gradClip, long seed, int workers, int checkpointEvery,
                            AugmentConfig augment, int vocabSize, String textTemplate) {
        this(epochs, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay, gradClip, seed, workers,
                checkpointEvery, augment, vocabSize, textTemplate, 0f, false);
    }

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
        if (!(captionDropout >= 0 && captionDropout < 1)) {
            throw new IllegalArgumentException("caption dropout must be in [0, 1), not " + captionDropout);
        }
        if (!(metadataLoss >= 0 && metadataLoss <= 100)) {
            throw new IllegalArgumentException("metadata loss weight must be in [0, 100], not " + metadataLoss);
        }
        if (!(locationDropout >= 0 && locationDropout <= 1)) {
            throw new IllegalArgumentException("location dropout must be in [0, 1], not " + locationDropout);
        }
        boolean captionLessTexts = captionDropout > 0 || metadataLoss > 0;
        if (locationDropout > 0 && !(textTemplate.contains("{location}") && captionLessTexts)) {
            throw new IllegalArgumentException("location dropout needs a text template with {location} and caption "
                    + "dropout or the metadata loss");
        }
        if (captionLessTexts && textTemplate.strip().equals("{caption}")) {
            throw new IllegalArgumentException((captionDropout > 0 ? "caption dropout" : "the metadata loss")
                    + " needs a text template with fields besides {caption}, e.g. \"{modality} {plane}. {caption}\"");
        }
        identicalTextsMatch |= captionDropout > 0;
    }

    /** The same options with caption dropout (and identical texts as matches when it is above 0). */
    public ClipTrainOptions withCaptionDropout(float fraction, boolean identicalMatch) {
        return new ClipTrainOptions(epochs, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, seed, workers, checkpointEvery, augment, vocabSize, textTemplate, fraction, identicalMatch,
                metadataLoss, locationDropout);
    }

    /** The same options with another run seed (e.g. for the members of a seed ensemble). */
    public ClipTrainOptions withSeed(long newSeed) {
        return new ClipTrainOptions(epochs, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, newSeed, workers, checkpointEvery, augment, vocabSize, textTemplate, captionDropout,
                identicalTextsMatch, metadataLoss, locationDropout);
    }

    /** The same options with a metadata loss term of this weight (0 for none). */
    public ClipTrainOptions withMetadataLoss(float weight) {
        return new ClipTrainOptions(epochs, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, seed, workers, checkpointEvery, augment, vocabSize, textTemplate, captionDropout,
                identicalTextsMatch, weight, locationDropout);
    }

    /** The same options with this location dropout. */
    public ClipTrainOptions withLocationDropout(float fraction) {
        return new ClipTrainOptions(epochs, batchSize, learningRate, minLearningRate, warmupSteps, weightDecay,
                gradClip, seed, workers, checkpointEvery, augment, vocabSize, textTemplate, captionDropout,
                identicalTextsMatch, metadataLoss, fraction);
    }

    /** Whether training needs each record's caption-less text. */
    public boolean usesMetadataTexts() {
        return captionDropout > 0 || metadataLoss > 0;
    }

    /** The text a record trains with, e.g. "{modality} {plane}. {caption}" -> "CT Axial. Mass in the ...". */
    public String text(ClipExample e) {
        return e.text(textTemplate);
    }

    /** The text without its caption and its location, e.g. "... {location}. {caption}" -> "CT Axial.". */
    public String coarseMetadataText(ClipExample e) {
        return new ClipExample(e.id(), e.image(), "", e.modality(), e.plane()).text(textTemplate);
    }

    /** The text without its caption, e.g. "{modality} {plane}. {caption}" -> "CT Axial.". */
    public String metadataText(ClipExample e) {
        return new ClipExample(e.id(), e.image(), "", e.modality(), e.plane(), e.location()).text(textTemplate);
    }
}
