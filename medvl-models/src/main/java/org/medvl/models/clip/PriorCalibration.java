package org.medvl.models.clip;

import java.util.Arrays;
import org.medvl.models.api.Softmax;

/**
 * Prior calibration of a classifier's fixed logits: one additive offset per class, fitted by maximum likelihood on
 * labelled cases (logistic regression with only the intercepts free). A zero-shot head inherits the class balance
 * of its prompts and of the pretraining text, not of the task; the offsets correct that skew without touching how
 * images are ranked within a class. At the optimum each class's mean predicted probability over the fitting cases
 * equals its share of them.
 *
 * <p>Written by hand: the problem has a handful of parameters and a closed-form optimality condition, so no
 * optimisation library earns its place. The negative log-likelihood is convex in the offsets and, for one offset
 * with the others fixed, its derivative (mean probability minus share) rises monotonically, so cyclic coordinate
 * descent with an exact bisection per coordinate converges without a step size to tune, even where the logits are
 * saturated and Newton or gradient steps stall.
 */
public final class PriorCalibration {
    private static final int MAX_SWEEPS = 500;
    private static final int BISECTIONS = 200;
    private static final double TOLERANCE = 1e-9;

    private PriorCalibration() {
    }

    /**
     * Offsets that maximise the likelihood of {@code labels} under softmax(logits + offsets), shifted to mean zero.
     *
     * @param logits one row of class logits per case
     * @param labels each case's class index
     * @throws IllegalArgumentException if a class has no case (its offset would run to minus infinity)
     */
    public static double[] fit(double[][] logits, int[] labels) {
        if (logits.length == 0 || logits.length != labels.length) {
            throw new IllegalArgumentException("need one label per logit row and at least one row, got "
                    + logits.length + " rows and " + labels.length + " labels");
        }
        int k = logits[0].length;
        double[] share = new double[k];
        for (int i = 0; i < labels.length; i++) {
            if (logits[i].length != k) {
                throw new IllegalArgumentException("row " + i + " has " + logits[i].length + " logits, expected " + k);
            }
            if (labels[i] < 0 || labels[i] >= k) {
                throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not a class index");
            }
            share[labels[i]] += 1.0 / labels.length;
        }
        for (int c = 0; c < k; c++) {
            if (share[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no labelled case to fit its offset on");
            }
        }
        double[] offsets = new double[k];
        if (k == 1) {
            return offsets;
        }
        double span = logitSpan(logits);
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double worst = 0;
            for (int c = 0; c < k; c++) {
                worst = Math.max(worst, Math.abs(meanProbability(logits, offsets, c) - share[c]));
                offsets[c] = solveCoordinate(logits, offsets, c, share[c], span);
            }
            if (worst < TOLERANCE) {
                break;
            }
        }
        double mean = Arrays.stream(offsets).average().orElse(0);
        for (int c = 0; c < k; c++) {
            offsets[c] -= mean; // softmax ignores a common shift; mean zero makes the offsets comparable
        }
        return offsets;
    }

    /** The offset of class c at which its mean probability equals its share, the other offsets fixed. */
    private static double solveCoordinate(double[][] logits, double[] offsets, int c, double share, double span) {
        // Every share lies in [1/n, 1 - 1/n] (each class has a case). Offset c more than span + log(n k) + 1 above
        // every other offset gives each case a probability of c above 1 - 1/n; as far below all, below 1/n.
        double margin = span + Math.log((double) logits.length * offsets.length) + 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < offsets.length; j++) {
            if (j != c) {
                lo = Math.min(lo, offsets[j] - margin);
                hi = Math.max(hi, offsets[j] + margin);
            }
        }
        double saved = offsets[c];
        for (int i = 0; i < BISECTIONS && hi - lo > 1e-12; i++) {
            offsets[c] = 0.5 * (lo + hi);
            if (meanProbability(logits, offsets, c) < share) {
                lo = offsets[c];
            } else {
                hi = offsets[c];
            }
        }
        offsets[c] = saved;
        return 0.5 * (lo + hi);
    }

    private static double logitSpan(double[][] logits) {
        double span = 0;
        for (double[] row : logits) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("logits must be finite, got " + v);
                }
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            span = Math.max(span, max - min);
        }
        return span;
    }

    private static double meanProbability(double[][] logits, double[] offsets, int c) {
        double total = 0;
        double[] shifted = new double[offsets.length];
        for (double[] row : logits) {
            for (int j = 0; j < shifted.length; j++) {
                shifted[j] = row[j] + offsets[j];
            }
            total += Softmax.probabilities(shifted)[c];
        }
        return total / logits.length;
    }
}
