package org.medvl.models.clip;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.vector.UnitVectors;
import org.medvl.models.api.Softmax;

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
    /** Per class, a logit offset added before the softmax: zero until {@link #calibrated} fits them. */
    private final double[] offsets;

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
        this.offsets = new double[classes.size()];
    }

    private ZeroShotClassifier(ZeroShotClassifier base, double[] offsets) {
        this.encoder = base.encoder;
        this.classes = base.classes;
        this.classEmbeddings = base.classEmbeddings;
        this.offsets = offsets;
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

    /** Each class's logit offset (all zero unless this classifier came from {@link #calibrated}). */
    public Map<String, Double> offsets() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            m.put(classes.get(c), offsets[c]);
        }
        return m;
    }

    /**
     * This classifier with the given logit offsets, e.g. read back with {@link ZeroShotOffsets} after a fit on a
     * validation split.
     *
     * @param offsets one per class, keyed by exactly this classifier's class names
     */
    public ZeroShotClassifier withOffsets(Map<String, Double> offsets) {
        if (!offsets.keySet().equals(new HashSet<>(classes))) {
            throw new IllegalArgumentException("offsets are for the classes " + offsets.keySet() + ", expected "
                    + classes);
        }
        double[] o = new double[classes.size()];
        for (int c = 0; c < o.length; c++) {
            o[c] = offsets.get(classes.get(c));
            if (!Double.isFinite(o[c])) {
                throw new IllegalArgumentException("offset of " + classes.get(c) + " must be finite, got " + o[c]);
            }
        }
        return new ZeroShotClassifier(this, o);
    }

    /**
     * This classifier with per-class logit offsets fitted on labelled images ({@link PriorCalibration}): fit them on
     * cases the evaluation never scores, e.g. the training split when scoring dev.
     *
     * @param logits the uncalibrated {@link #logitsOf logits} of the calibration images
     * @param truth each image's class, compared with the class names ignoring case; every class needs an image
     */
    public ZeroShotClassifier calibrated(double[][] logits, List<String> truth) {
        if (logits.length != truth.size()) {
            throw new IllegalArgumentException(logits.length + " calibration images but " + truth.size() + " labels");
        }
        int[] labels = new int[truth.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = indexOf(truth.get(i));
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label '" + truth.get(i) + "' of calibration image " + (i + 1)
                        + " is none of the classes " + classes);
            }
        }
        for (int c = 0; c < classes.size(); c++) {
            final int k = c;
            if (Arrays.stream(labels).noneMatch(l -> l == k)) {
                throw new IllegalArgumentException("no calibration image of class " + classes.get(c)
                        + "; every class needs at least one");
            }
        }
        return new ZeroShotClassifier(this, PriorCalibration.fit(logits, labels));
    }

    /** The uncalibrated class logits of each image (the model's logit scale times the similarities). */
    public double[][] logits(List<Path> images) {
        return logitsOf(encoder.embedImages(images));
    }

    /** Like {@link #logits} for images already embedded by this classifier's encoder (so they embed only once). */
    public double[][] logitsOf(float[][] imageEmbeddings) {
        float scale = encoder.logitScale();
        double[][] out = new double[imageEmbeddings.length][classes.size()];
        for (int i = 0; i < imageEmbeddings.length; i++) {
            for (int c = 0; c < classes.size(); c++) {
                out[i][c] = logSumExp(scale, imageEmbeddings[i], classEmbeddings[c]);
            }
        }
        return out;
    }

    public List<Prediction> classify(List<Path> images) {
        return predict(logits(images));
    }

    /** Predictions from uncalibrated logits (this classifier's offsets are added; the array is left as it was). */
    public List<Prediction> predict(double[][] logits) {
        List<Prediction> out = new ArrayList<>(logits.length);
        double[] row = new double[classes.size()];
        for (double[] l : logits) {
            for (int c = 0; c < row.length; c++) {
                row[c] = l[c] + offsets[c];
            }
            double[] p = Softmax.probabilities(row);
            Map<String, Double> probs = new LinkedHashMap<>();
            int best = 0;
            for (int c = 0; c < p.length; c++) {
                probs.put(classes.get(c), p[c]);
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            out.add(new Prediction(classes.get(best), p[best], probs));
        }
        return out;
    }

    private int indexOf(String label) {
        for (int c = 0; c < classes.size(); c++) {
            if (classes.get(c).equalsIgnoreCase(label)) {
                return c;
            }
        }
        return -1;
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
