package org.medvl.metrics.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Classification and zero-shot scores as sklearn defines them: accuracy, ROC AUC (binary, one-vs-rest macro for
 * multi-class, per-column macro for multi-label), per-class precision / recall / F1 (zero_division=0) and expected
 * calibration error (Guo et al., ICML 2017) with equal-width bins.
 */
public final class ClassificationMetrics {
    /** ECE bins used by the zero-shot / calibration papers. */
    public static final int ECE_BINS = 15;

    private ClassificationMetrics() {
    }

    /** Per-class precision, recall, F1 and support (number of true instances). */
    public record ClassScore(int label, int support, Prf prf) {
    }

    /** Macro AUROC and the classes left out because y_true held only one class for them (sklearn raises there). */
    public record MacroAuroc(double value, int classesScored, List<Integer> classesSkipped) {
    }

    public static double accuracy(int[] yTrue, int[] yPred) {
        checkSameLength(yTrue.length, yPred.length);
        int ok = 0;
        for (int i = 0; i < yTrue.length; i++) {
            ok += yTrue[i] == yPred[i] ? 1 : 0;
        }
        return yTrue.length == 0 ? 0.0 : (double) ok / yTrue.length;
    }

    /**
     * Binary ROC AUC, equal to sklearn.metrics.roc_auc_score: the Mann-Whitney statistic with tied scores counted as
     * half (the trapezoidal ROC area), computed from mid-ranks in O(n log n). NaN when only one class is present.
     */
    public static double auroc(boolean[] yTrue, double[] score) {
        checkSameLength(yTrue.length, score.length);
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(score[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(score[a], score[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1; // 1-based mid-rank of the tie group
            for (int k = i; k <= j; k++) {
                if (yTrue[order[k]]) {
                    rankSumPos += midRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** One-vs-rest macro AUROC for multi-class labels 0..k-1 and a probability (or score) matrix n x k. */
    public static MacroAuroc macroAuroc(int[] yTrue, double[][] scores) {
        checkSameLength(yTrue.length, scores.length);
        int k = scores.length == 0 ? 0 : scores[0].length;
        boolean[][] onehot = new boolean[yTrue.length][k];
        for (int i = 0; i < yTrue.length; i++) {
            checkLabel(yTrue[i], k);
            onehot[i][yTrue[i]] = true;
        }
        return macroAuroc(onehot, scores);
    }

    /** Multi-label macro AUROC: column c of {@code yTrue} against column c of {@code scores}. */
    public static MacroAuroc macroAuroc(boolean[][] yTrue, double[][] scores) {
        checkSameLength(yTrue.length, scores.length);
        int k = scores.length == 0 ? 0 : scores[0].length;
        double sum = 0;
        int scored = 0;
        List<Integer> skipped = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            boolean[] t = new boolean[yTrue.length];
            double[] s = new double[yTrue.length];
            for (int i = 0; i < yTrue.length; i++) {
                if (scores[i].length != k || yTrue[i].length != k) {
                    throw new IllegalArgumentException("row " + i + " has a different number of classes");
                }
                t[i] = yTrue[i][c];
                s[i] = scores[i][c];
            }
            double auc = auroc(t, s);
            if (Double.isNaN(auc)) {
                skipped.add(c);
            } else {
                sum += auc;
                scored++;
            }
        }
        return new MacroAuroc(scored == 0 ? Double.NaN : sum / scored, scored, List.copyOf(skipped));
    }

    /** Precision, recall, F1 for each label 0..k-1 (sklearn precision_recall_fscore_support, zero_division=0). */
    public static List<ClassScore> perClass(int[] yTrue, int[] yPred, int k) {
        checkSameLength(yTrue.length, yPred.length);
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        for (int i = 0; i < yTrue.length; i++) {
            checkLabel(yTrue[i], k);
            checkLabel(yPred[i], k);
            if (yTrue[i] == yPred[i]) {
                tp[yTrue[i]]++;
            } else {
                fp[yPred[i]]++;
                fn[yTrue[i]]++;
            }
        }
        List<ClassScore> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            out.add(new ClassScore(c, (int) (tp[c] + fn[c]), Prf.of(tp[c], fp[c], fn[c])));
        }
        return out;
    }

    /** Macro F1: unweighted mean of the per-class F1 (sklearn f1_score average="macro"). */
    public static double macroF1(int[] yTrue, int[] yPred, int k) {
        return Prf.mean(perClass(yTrue, yPred, k).stream().map(ClassScore::prf).toList()).f1();
    }

    /** Index of the largest score in each row (first on ties, as numpy.argmax). */
    public static int[] argmax(double[][] scores) {
        int[] out = new int[scores.length];
        for (int i = 0; i < scores.length; i++) {
            int best = 0;
            for (int c = 1; c < scores[i].length; c++) {
                if (scores[i][c] > scores[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }

    /**
     * Expected calibration error with {@code bins} equal-width bins (lo, hi] over the top-class confidence:
     * sum over bins of |bin| / n * |accuracy(bin) - mean confidence(bin)|. Confidence 0 falls in no bin, as in the
     * reference implementation of Guo et al.
     */
    public static double ece(double[][] probs, int[] yTrue, int bins) {
        checkSameLength(yTrue.length, probs.length);
        int[] pred = argmax(probs);
        double[] conf = new double[probs.length];
        boolean[] ok = new boolean[probs.length];
        for (int i = 0; i < probs.length; i++) {
            conf[i] = probs[i][pred[i]];
            ok[i] = pred[i] == yTrue[i];
        }
        return ece(conf, ok, bins);
    }

    /** ECE from confidences and correctness directly. */
    public static double ece(double[] confidence, boolean[] correct, int bins) {
        checkSameLength(confidence.length, correct.length);
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1");
        }
        int n = confidence.length;
        double total = 0;
        for (int b = 0; b < bins; b++) {
            double lo = (double) b / bins;
            double hi = (double) (b + 1) / bins;
            int count = 0;
            double confSum = 0;
            int hits = 0;
            for (int i = 0; i < n; i++) {
                double c = confidence[i];
                if (c > lo && c <= hi) {
                    count++;
                    confSum += c;
                    hits += correct[i] ? 1 : 0;
                }
            }
            if (count > 0) {
                total += (double) count / n * Math.abs((double) hits / count - confSum / count);
            }
        }
        return total;
    }

    private static void checkSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("length mismatch: " + a + " labels vs " + b + " predictions");
        }
    }

    private static void checkLabel(int label, int k) {
        if (label < 0 || label >= k) {
            throw new IllegalArgumentException("label " + label + " outside 0.." + (k - 1));
        }
    }
}
