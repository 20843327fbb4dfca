package org.medvl.models.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Turns logits into label probabilities, best first. */
public final class Softmax {
    private Softmax() {
    }

    /** Softmax of {@code logits} (one per label), numerically stable, sorted by probability descending. */
    public static List<ZeroShotClassifier.LabelScore> ranked(List<String> labels, double[] logits) {
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
        List<ZeroShotClassifier.LabelScore> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            out.add(new ZeroShotClassifier.LabelScore(labels.get(i), e[i] / sum));
        }
        out.sort(Comparator.comparingDouble(ZeroShotClassifier.LabelScore::probability).reversed());
        return out;
    }
}
