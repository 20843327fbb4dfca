package org.medvl.eval.vqa;

import java.util.Locale;
import org.medvl.core.record.VqaItem;
import org.medvl.metrics.vqa.VqaMetrics;

/**
 * Maps a chat model's free-text answer onto the answer form a dataset scores. Chat models answer closed questions with
 * sentences ("Yes, there is a small effusion."); when the reference is yes or no, the leading yes/no word is taken as
 * the answer. Multiple-choice mapping is left to {@link VqaMetrics}, which maps onto the options itself.
 */
public final class AnswerMapping {
    private AnswerMapping() {
    }

    /** The item and the model's answer, mapped, as the VQA metrics score them. */
    public static org.medvl.metrics.vqa.VqaItem judged(VqaItem item, String answer) {
        return new org.medvl.metrics.vqa.VqaItem(item.id(), item.questionType(), item.isClosed(), item.answer(),
                forItem(item, answer), item.options(), null);
    }

    public static String forItem(VqaItem item, String answer) {
        if (!item.isClosed() || !item.options().isEmpty()) {
            return answer;
        }
        String ref = VqaMetrics.normalize(item.answer());
        if (!ref.equals("yes") && !ref.equals("no")) {
            return answer;
        }
        String norm = VqaMetrics.normalize(answer).toLowerCase(Locale.ROOT);
        if (norm.equals("yes") || norm.startsWith("yes ")) {
            return "yes";
        }
        if (norm.equals("no") || norm.startsWith("no ")) {
            return "no";
        }
        return answer;
    }
}
