package org.medvl.metrics.vqa;

import java.util.List;

/**
 * One scored VQA answer. {@code closed}: a closed question (yes/no or another fixed answer set), scored by normalised
 * equality; open questions get exact match and token recall. {@code options}: for multiple-choice items, the choices
 * the prediction is mapped onto (empty otherwise). {@code pairId}: ProbMed adversarial pairs share it (null if none).
 */
public record VqaItem(String id, String questionType, boolean closed, String answer, String prediction,
        List<String> options, String pairId) {
    public VqaItem {
        options = options == null ? List.of() : List.copyOf(options);
        questionType = questionType == null || questionType.isBlank() ? (closed ? "closed" : "open") : questionType;
        answer = answer == null ? "" : answer;
        prediction = prediction == null ? "" : prediction;
    }

    /** A plain closed or open item. */
    public static VqaItem of(String id, boolean closed, String answer, String prediction) {
        return new VqaItem(id, null, closed, answer, prediction, List.of(), null);
    }
}
