package org.medvl.metrics.caption;

/**
 * METEOR's sufficient statistics for one hypothesis-reference pair; they add up over a corpus, and the corpus score
 * is computed from the sums (not the mean of item scores), as the reference's EVAL does.
 */
final class MeteorStats {
    double testLength;
    double refLength;
    double testFunctionWords;
    double refFunctionWords;
    final double[] testContent = new double[4];
    final double[] refContent = new double[4];
    final double[] testFunction = new double[4];
    final double[] refFunction = new double[4];
    double chunks;
    double testWordMatches;
    double refWordMatches;

    void add(MeteorStats o) {
        testLength += o.testLength;
        refLength += o.refLength;
        testFunctionWords += o.testFunctionWords;
        refFunctionWords += o.refFunctionWords;
        for (int i = 0; i < 4; i++) {
            testContent[i] += o.testContent[i];
            refContent[i] += o.refContent[i];
            testFunction[i] += o.testFunction[i];
            refFunction[i] += o.refFunction[i];
        }
        chunks += o.chunks;
        testWordMatches += o.testWordMatches;
        refWordMatches += o.refWordMatches;
    }

    /** Score = Fmean * (1 - gamma * frag^beta), with content/function words weighted delta / 1 - delta. */
    double score(Meteor.Parameters p, double[] stageWeights) {
        double d = p.delta();
        double testWeightedLength = d * (testLength - testFunctionWords) + (1 - d) * testFunctionWords;
        double refWeightedLength = d * (refLength - refFunctionWords) + (1 - d) * refFunctionWords;
        double testMatches = 0;
        double refMatches = 0;
        double testTotal = 0;
        double refTotal = 0;
        for (int i = 0; i < 4; i++) {
            testMatches += testContent[i] * stageWeights[i] * d + testFunction[i] * stageWeights[i] * (1 - d);
            refMatches += refContent[i] * stageWeights[i] * d + refFunction[i] * stageWeights[i] * (1 - d);
            testTotal += testContent[i] + testFunction[i];
            refTotal += refContent[i] + refFunction[i];
        }
        double precision = testMatches / testWeightedLength;
        double recall = refMatches / refWeightedLength;
        double fMean = 1.0 / ((1.0 - p.alpha()) / precision + p.alpha() / recall);
        double frag = testTotal == testLength && refTotal == refLength && chunks == 1 ? 0
                : chunks / ((testWordMatches + refWordMatches) / 2);
        double score = fMean * (1.0 - p.gamma() * Math.pow(frag, p.beta()));
        return Double.isNaN(score) ? 0.0 : Math.max(score, 0.0);
    }
}
