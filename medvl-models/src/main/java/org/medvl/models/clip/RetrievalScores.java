package org.medvl.models.clip;

import java.util.LinkedHashMap;
import java.util.Map;
import org.medvl.metrics.retrieval.QueryBankNormalization;
import org.medvl.metrics.retrieval.RetrievalMetrics;

/**
 * Paired image-text retrieval scores (item i's match is item i) from L2-normalised embeddings, in both directions,
 * with the random baseline alongside: R@K of a random ranking is K/N.
 */
public final class RetrievalScores {
    private RetrievalScores() {
    }

    /**
     * Keys: image_to_text_R@1/5/10, _MRR, _median_rank; the same for text_to_image; random_R@1/5/10.
     */
    public static Map<String, Double> compute(float[][] images, float[][] texts) {
        checkPairs(images, texts);
        return scores(RetrievalMetrics.fromSimilarity(dots(images, texts)), images.length);
    }

    /**
     * The same keys with querybank normalisation ({@link QueryBankNormalization}): image queries are normalised
     * against {@code bankImages}, text queries against {@code bankTexts}, embeddings of training pairs that share no
     * case with the evaluated ones.
     */
    public static Map<String, Double> compute(float[][] images, float[][] texts, float[][] bankImages,
                                              float[][] bankTexts, double beta) {
        checkPairs(images, texts);
        double[][] imageToText = QueryBankNormalization.dynamicInvertedSoftmax(dots(images, texts),
                dots(bankImages, texts), beta);
        double[][] textToImage = QueryBankNormalization.dynamicInvertedSoftmax(dots(texts, images),
                dots(bankTexts, images), beta);
        RetrievalMetrics.Directional i2t = RetrievalMetrics.fromSimilarity(imageToText).imageToText();
        // rows of textToImage are text queries; fromSimilarity ranks text queries down the columns
        RetrievalMetrics.Directional t2i = RetrievalMetrics.fromSimilarity(transpose(textToImage)).textToImage();
        return scores(new RetrievalMetrics.Result(i2t, t2i), images.length);
    }

    private static void checkPairs(float[][] images, float[][] texts) {
        if (images.length != texts.length || images.length == 0) {
            throw new IllegalArgumentException("need as many texts as images, at least one");
        }
    }

    private static Map<String, Double> scores(RetrievalMetrics.Result r, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        put(out, "image_to_text_", r.imageToText());
        put(out, "text_to_image_", r.textToImage());
        for (int k : new int[] {1, 5, 10}) {
            out.put("random_R@" + k, Math.min(1.0, (double) k / n));
        }
        return out;
    }

    /** {@code out[i][j] = a[i] . b[j]}. */
    static double[][] dots(float[][] a, float[][] b) {
        double[][] sim = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double s = 0;
                for (int d = 0; d < a[i].length; d++) {
                    s += a[i][d] * b[j][d];
                }
                sim[i][j] = s;
            }
        }
        return sim;
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }

    private static void put(Map<String, Double> out, String prefix, RetrievalMetrics.Directional d) {
        out.put(prefix + "R@1", d.recallAt1());
        out.put(prefix + "R@5", d.recallAt5());
        out.put(prefix + "R@10", d.recallAt10());
        out.put(prefix + "MRR", d.mrr());
        out.put(prefix + "median_rank", d.medianRank());
    }
}
