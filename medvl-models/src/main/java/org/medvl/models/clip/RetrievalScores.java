package org.medvl.models.clip;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recall@K of paired retrieval (item i's match is item i) in both directions, from L2-normalised embeddings, with
 * the random baseline K/N alongside. A candidate scoring exactly as high as the match does not push it down (duplicate texts tie).
 */
public final class RetrievalScores {
    private RetrievalScores() {
    }

    /** Keys like "image_to_text_R@5", "text_to_image_R@1", "random_R@10". */
    public static Map<String, Double> compute(float[][] images, float[][] texts, int... ks) {
        int n = images.length;
        if (n != texts.length || n == 0) {
            throw new IllegalArgumentException("need as many texts as images, at least one");
        }
        float[][] sim = new float[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int d = 0; d < images[i].length; d++) {
                    s += images[i][d] * texts[j][d];
                }
                sim[i][j] = s;
            }
        }
        int[] i2t = new int[n];
        int[] t2i = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (sim[i][j] > sim[i][i]) {
                    i2t[i]++;
                }
                if (sim[j][i] > sim[i][i]) {
                    t2i[i]++;
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int k : ks) {
            out.put("image_to_text_R@" + k, recall(i2t, k));
        }
        for (int k : ks) {
            out.put("text_to_image_R@" + k, recall(t2i, k));
        }
        for (int k : ks) {
            out.put("random_R@" + k, Math.min(1.0, (double) k / n));
        }
        return out;
    }

    private static double recall(int[] ranksAhead, int k) {
        int hit = 0;
        for (int r : ranksAhead) {
            if (r < k) {
                hit++;
            }
        }
        return (double) hit / ranksAhead.length;
    }
}
