package org.medvl.metrics.classification;

/**
 * Precision, recall and F1 from confusion counts, with sklearn's zero_division=0 convention: a ratio whose
 * denominator is zero is 0 (precision with no predicted positives, recall with no true positives, F1 with neither).
 */
public record Prf(double precision, double recall, double f1) {
    /** From true-positive, false-positive and false-negative counts. */
    public static Prf of(long tp, long fp, long fn) {
        return new Prf(ratio(tp, tp + fp), ratio(tp, tp + fn), ratio(2 * tp, 2 * tp + fp + fn));
    }

    /** Unweighted mean of several (sklearn average="macro": each of P, R, F1 averaged on its own). */
    public static Prf mean(Iterable<Prf> all) {
        double p = 0;
        double r = 0;
        double f = 0;
        int n = 0;
        for (Prf x : all) {
            p += x.precision;
            r += x.recall;
            f += x.f1;
            n++;
        }
        return n == 0 ? new Prf(0, 0, 0) : new Prf(p / n, r / n, f / n);
    }

    static double ratio(double num, double den) {
        return den == 0 ? 0.0 : num / den;
    }
}
