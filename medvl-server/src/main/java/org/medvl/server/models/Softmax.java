package org.medvl.server.models;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medvl.models.api.ZeroShotClassifier.LabelScore;

/** Turns logits into label probabilities, best first. */
public final class Softmax {
    private Softmax() {
    }

    /** Softmax of {@code logits} (one per label), numerically stable, sorted by probability descending. */
    public static List<LabelScore> ranked(List<String> labels, double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] e = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            e[i] = Math.exp(logits[i] - max);
            sum += e[i];
        }
        List<LabelScore> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            out.add(new LabelScore(labels.get(i), e[i] / sum));
        }
        out.sort(Comparator.comparingDouble(LabelScore::probability).reversed());
        return out;
    }
}
