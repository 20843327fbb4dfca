package org.medvl.models.report;

import java.util.List;
import java.util.Map;

/**
 * Where a report training run stands, saved as training.json in each checkpoint: enough to resume exactly and to
 * tell later where a model came from.
 *
 * @param dataFingerprint SHA-256 over the training examples (ids, image file names, texts) in order
 * @param history         one entry of metrics per finished epoch, as written to metrics.jsonl
 */
public record ReportTrainingState(String medvlVersion, long seed, long step, double epochLossSum, int epochLossCount,
                                  String dataFingerprint, int trainExamples, ReportTrainOptions options,
                                  List<Map<String, Object>> history, String created) {
}
