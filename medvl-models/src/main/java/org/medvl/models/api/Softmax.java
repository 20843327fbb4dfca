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
        double[] p = probabilities(logits);
        List<ZeroShotClassifier.LabelScore> out = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            out.add(new ZeroShotClassifier.LabelScore(labels.get(i), p[i]));
        }
        out.sort(Comparator.comparingDouble(ZeroShotClassifier.LabelScore::probability).reversed());
        return out;
    }

    /** Softmax of {@code logits} in their own order, numerically stable (the maximum is subtracted first). */
    public static double[] probabilities(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        double[] p = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
