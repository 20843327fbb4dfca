package org.medvl.models.vqa;

import java.util.List;
import java.util.Map;

/**
 * Where a VQA training run stands, saved as training.json in each checkpoint: enough to resume exactly and to tell
 * later where a model came from.
 *
 * @param dataFingerprint SHA-256 over the training questions (ids, image file names, questions, answers) in order
 * @param trainExamples   questions trained on (answers inside the vocabulary)
 * @param skippedExamples training questions left out because their answer is outside the vocabulary
 * @param history         one entry of metrics per finished epoch, as written to metrics.jsonl
 */
public record VqaTrainingState(String medvlVersion, long seed, long step, double epochLossSum, int epochLossCount,
                               String dataFingerprint, int trainExamples, int skippedExamples,
                               VqaTrainOptions options, List<Map<String, Object>> history, String created) {
}
