package org.medvl.models.vqa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.record.VqaItem;
import org.medvl.metrics.vqa.VqaMetrics;
import org.medvl.models.api.ModelAnswer;

/** Scores model answers against dataset items with medvl-metrics' {@link VqaMetrics}. */
public final class VqaScoring {
    private VqaScoring() {
    }

    /** Dataset items with the model's answers as metric items (question type, closed/open, options kept). */
    public static List<org.medvl.metrics.vqa.VqaItem> scored(List<VqaItem> items, List<ModelAnswer> answers) {
        if (items.size() != answers.size()) {
            throw new IllegalArgumentException(items.size() + " items but " + answers.size() + " answers");
        }
        List<org.medvl.metrics.vqa.VqaItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            VqaItem it = items.get(i);
            out.add(new org.medvl.metrics.vqa.VqaItem(it.id(), it.questionType(), it.isClosed(), it.answer(),
                    answers.get(i).text(), it.options(), null));
        }
        return out;
    }

    /** Overall, closed and open accuracy and open token recall, keys prefixed (e.g. "val_"). */
    public static Map<String, Object> summary(List<VqaItem> items, List<ModelAnswer> answers, String prefix) {
        VqaMetrics.Result r = VqaMetrics.evaluate(scored(items, answers));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(prefix + "overall", r.overall().value());
        m.put(prefix + "closed", r.closedAccuracy().value());
        m.put(prefix + "open", r.openExactMatch().value());
        m.put(prefix + "open_recall", r.openTokenRecall().value());
        return m;
    }
}
