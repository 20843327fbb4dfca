package org.medvl.models.clip;

import java.util.List;
import java.util.Map;

/**
 * Where a training run stands, saved as training.json in each checkpoint: enough to resume exactly and to tell
 * later where a model came from.
 *
 * @param step            optimiser steps done
 * @param epochLossSum    sum of the training losses of the current epoch so far (for the epoch mean on resume)
 * @param epochLossCount  steps counted in {@code epochLossSum}
 * @param dataFingerprint SHA-256 over the training examples (ids, texts, image file names) in order
 * @param history         one entry of metrics per finished epoch, as written to metrics.jsonl
 */
public record TrainingState(String medvlVersion, long seed, long step, double epochLossSum, int epochLossCount,
                            String dataFingerprint, int trainExamples, ClipTrainOptions options,
                            List<Map<String, Object>> history, String created) {
}
