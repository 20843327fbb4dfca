package org.medvl.models.report;

import org.medvl.models.train.AugmentConfig;

/**
 * How a report-generation model is trained; stored in every checkpoint's training.json.
 *
 * @param epochs          passes over the training set
 * @param batchSize       studies per step
 * @param learningRate    AdamW peak rate
 * @param minLearningRate rate at the end of the cosine decay
 * @param warmupSteps     linear warm-up steps
 * @param weightDecay     decoupled weight decay on matrices
 * @param gradClip        global gradient-norm clip, 0 to disable
 * @param labelSmoothing  label smoothing of the token cross-entropy (Szegedy et al. 2016), 0 for none
 * @param seed            the run seed: initialisation, data order, augmentation and dropout all derive from it
 * @param checkpointEvery steps between mid-epoch checkpoints, 0 for epoch ends only
 * @param augment         image augmentation
 * @param minCount        words seen fewer times in the training reports become {@code <unk>}
 * @param valEvery        generate and score the validation set every this many epochs (and after the last)
 * @param valLimit        generate for at most this many validation examples, 0 for all
 * @param initFromClip    a medvl CLIP checkpoint whose image encoder initialises this one, or null
 */
public record ReportTrainOptions(int epochs, int batchSize, float learningRate, float minLearningRate,
                                 int warmupSteps, float weightDecay, float gradClip, float labelSmoothing, long seed,
                                 int checkpointEvery, AugmentConfig augment, int minCount, int valEvery, int valLimit,
                                 String initFromClip) {
    public ReportTrainOptions {
        if (epochs <= 0 || batchSize < 1 || !(learningRate > 0) || minCount < 1 || valEvery < 1 || valLimit < 0
                || labelSmoothing < 0 || labelSmoothing >= 1) {
            throw new IllegalArgumentException("need epochs > 0, batch size >= 1, learning rate > 0, min count >= 1, "
                    + "validation interval >= 1, 0 <= label smoothing < 1");
        }
        augment = augment == null ? AugmentConfig.medicalDefault() : augment;
    }

    /** The options of the measured MedPix caption run (batch 16, peak rate 1e-3, 50 warm-up steps). */
    public static ReportTrainOptions defaults(int epochs) {
        return new ReportTrainOptions(epochs, 16, 1e-3f, 1e-5f, 50, 0.05f, 1f, 0.1f, 42, 0,
                AugmentConfig.medicalDefault(), 3, 1, 0, null);
    }
}
