package org.medvl.models.clip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.vector.UnitVectors;

/**
 * Zero-shot classification from text prompts (Radford et al. 2021). With {@link Aggregation#MEAN} each class is the
 * normalised mean of the embeddings of its prompts (a prompt ensemble, e.g. "a CT scan", "computed tomography image
 * of the abdomen") and an image takes the class whose embedding is most similar; probabilities are a softmax over the
 * model's logit scale times the similarities. With {@link Aggregation#SUM} each prompt stays its own subclass and a
 * class's probability is the sum of its prompts' probabilities in one softmax over every prompt.
 */
public final class ZeroShotClassifier {
    /** One classification: the classes in the order given and their probabilities. */
    public record Prediction(String label, double probability, Map<String, Double> probabilities) {
    }

    /** How a class's prompts combine into its score. */
    public enum Aggregation {
        /** One embedding per class, the normalised mean of its prompts' embeddings. */
        MEAN,
        /**
         * Each prompt a subclass (e.g. "CT Axial Chest, Pulmonary." and "CT Sagittal Spine." for class CT): the class
         * logit is the log-sum-exp of its prompts' logits, so its probability is the sum of theirs. A class whose
         * images lie in several far-apart clusters keeps each cluster instead of their blurred mean (the idea of
         * subclass label sets, Novack et al. 2023, CHiLS). Classes with more prompts gain a prior of log(count), so
         * give the classes equally many.
         */
        SUM
    }

    private final ClipEncoder encoder;
    private final List<String> classes;
    /** Per class, its embeddings: one (the mean) for MEAN, one per prompt for SUM. */
    private final float[][][] classEmbeddings;

    /** Mean-aggregated prompt ensembles. @param prompts each class's prompts, in class order */
    public ZeroShotClassifier(ClipEncoder encoder, Map<String, List<String>> prompts) {
        this(encoder, prompts, Aggregation.MEAN);
    }

    /** @param prompts each class's prompts, in class order */
    public ZeroShotClassifier(ClipEncoder encoder, Map<String, List<String>> prompts, Aggregation aggregation) {
        if (prompts.isEmpty() || prompts.values().stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("every class needs at least one prompt");
        }
        this.encoder = encoder;
        this.classes = List.copyOf(prompts.keySet());
        this.classEmbeddings = new float[classes.size()][][];
        for (int c = 0; c < classes.size(); c++) {
            float[][] e = encoder.embedTexts(prompts.get(classes.get(c)));
            if (aggregation == Aggregation.SUM) {
                classEmbeddings[c] = e; // already unit vectors (ClipEncoder's contract)
                continue;
            }
            classEmbeddings[c] = new float[][] {UnitVectors.meanDirection(e)};
        }
    }

    /** Prompts from templates with a "{}" slot for the class name, e.g. "a {} scan". */
    public static ZeroShotClassifier fromTemplates(ClipEncoder encoder, List<String> classes, List<String> templates) {
        Map<String, List<String>> prompts = new LinkedHashMap<>();
        for (String c : classes) {
            prompts.put(c, templates.stream().map(t -> t.replace("{}", c)).toList());
        }
        return new ZeroShotClassifier(encoder, prompts);
    }

    public List<String> classes() {
        return classes;
    }

    public List<Prediction> classify(List<Path> images) {
        float[][] emb = encoder.embedImages(images);
        float scale = encoder.logitScale();
        List<Prediction> out = new ArrayList<>(emb.length);
        for (float[] e : emb) {
            double[] logits = new double[classes.size()];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < logits.length; c++) {
                logits[c] = logSumExp(scale, e, classEmbeddings[c]);
                max = Math.max(max, logits[c]);
            }
            double sum = 0;
            for (int c = 0; c < logits.length; c++) {
                logits[c] = Math.exp(logits[c] - max);
                sum += logits[c];
            }
            Map<String, Double> probs = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < logits.length; c++) {
                probs.put(classes.get(c), logits[c] / sum);
                if (logits[c] > logits[best]) {
                    best = c;
                }
            }
            out.add(new Prediction(classes.get(best), logits[best] / sum, probs));
        }
        return out;
    }

    /** Accuracy against {@code truth} (class names compared ignoring case). */
    public double accuracy(List<Path> images, List<String> truth) {
        return accuracyOf(classify(images), truth);
    }

    /** Accuracy of predictions already made against {@code truth} (class names compared ignoring case). */
    public static double accuracyOf(List<Prediction> p, List<String> truth) {
        int hit = 0;
        for (int i = 0; i < p.size(); i++) {
            if (p.get(i).label().equalsIgnoreCase(truth.get(i))) {
                hit++;
            }
        }
        return (double) hit / p.size();
    }

    /** log sum_p exp(scale * e . p): the one logit itself for a single embedding (MEAN). */
    private static double logSumExp(float scale, float[] e, float[][] prompts) {
        double[] l = new double[prompts.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < prompts.length; p++) {
            double s = 0;
            for (int d = 0; d < e.length; d++) {
                s += e[d] * prompts[p][d];
            }
            l[p] = scale * s;
            max = Math.max(max, l[p]);
        }
        if (prompts.length == 1) {
            return l[0];
        }
        double sum = 0;
        for (double x : l) {
            sum += Math.exp(x - max);
        }
        return max + Math.log(sum);
    }
}
