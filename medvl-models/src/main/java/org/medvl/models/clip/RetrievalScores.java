package org.medvl.models.clip;

import java.util.LinkedHashMap;
import java.util.Map;
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
        int n = images.length;
        if (n != texts.length || n == 0) {
            throw new IllegalArgumentException("need as many texts as images, at least one");
        }
        double[][] sim = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int d = 0; d < images[i].length; d++) {
                    s += images[i][d] * texts[j][d];
                }
                sim[i][j] = s;
            }
        }
        RetrievalMetrics.Result r = RetrievalMetrics.fromSimilarity(sim);
        Map<String, Double> out = new LinkedHashMap<>();
        put(out, "image_to_text_", r.imageToText());
        put(out, "text_to_image_", r.textToImage());
        for (int k : new int[] {1, 5, 10}) {
            out.put("random_R@" + k, Math.min(1.0, (double) k / n));
        }
        return out;
    }

    private static void put(Map<String, Double> out, String prefix, RetrievalMetrics.Directional d) {
        out.put(prefix + "R@1", d.recallAt1());
        out.put(prefix + "R@5", d.recallAt5());
        out.put(prefix + "R@10", d.recallAt10());
        out.put(prefix + "MRR", d.mrr());
        out.put(prefix + "median_rank", d.medianRank());
    }
}
