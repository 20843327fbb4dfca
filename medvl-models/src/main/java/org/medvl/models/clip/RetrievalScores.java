package org.medvl.models.clip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        int[][] ownPair = new int[images.length][];
        for (int i = 0; i < ownPair.length; i++) {
            ownPair[i] = new int[] {i};
        }
        return scores(new RetrievalMetrics.Result(RetrievalMetrics.fromRelevance(imageToText, ownPair),
                RetrievalMetrics.fromRelevance(textToImage, ownPair)), images.length);
    }

    /**
     * Scores where pairs with identical texts count as one text (MedPix repeats a caption over a case's images):
     * image->text ranks the distinct texts, and a text query matches every image that carries it. The random
     * baselines are per direction: K / (distinct texts) for image->text, and for text->image the mean over texts of
     * the chance that a random ranking puts one of its m images in the first K. Keys: image_to_text_R@1/5/10, _MRR,
     * _median_rank, the same for text_to_image, random_image_to_text_R@K, random_text_to_image_R@K, distinct_texts.
     */
    public static Map<String, Double> computeIdenticalTextsMatched(float[][] images, float[][] texts,
                                                                   List<String> textStrings) {
        checkPairs(images, texts);
        if (textStrings.size() != texts.length) {
            throw new IllegalArgumentException(textStrings.size() + " texts for " + texts.length + " embeddings");
        }
        Map<String, Integer> groupOf = new LinkedHashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        int[] group = new int[texts.length];
        for (int j = 0; j < texts.length; j++) {
            Integer g = groupOf.get(textStrings.get(j));
            if (g == null) {
                g = members.size();
                groupOf.put(textStrings.get(j), g);
                members.add(new ArrayList<>());
            }
            members.get(g).add(j);
            group[j] = g;
        }
        float[][] distinct = new float[members.size()][];
        for (int g = 0; g < distinct.length; g++) {
            distinct[g] = texts[members.get(g).get(0)];
        }
        int[][] imageMatches = new int[images.length][];
        for (int i = 0; i < images.length; i++) {
            imageMatches[i] = new int[] {group[i]};
        }
        int[][] textMatches = new int[distinct.length][];
        for (int g = 0; g < distinct.length; g++) {
            textMatches[g] = members.get(g).stream().mapToInt(Integer::intValue).toArray();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        put(out, "image_to_text_", RetrievalMetrics.fromRelevance(dots(images, distinct), imageMatches));
        put(out, "text_to_image_", RetrievalMetrics.fromRelevance(dots(distinct, images), textMatches));
        for (int k : new int[] {1, 5, 10}) {
            out.put("random_image_to_text_R@" + k, RetrievalMetrics.randomRecall(distinct.length, 1, k));
            double sum = 0;
            for (List<Integer> m : members) {
                sum += RetrievalMetrics.randomRecall(images.length, m.size(), k);
            }
            out.put("random_text_to_image_R@" + k, sum / members.size());
        }
        out.put("distinct_texts", (double) distinct.length);
        return out;
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

    private static void put(Map<String, Double> out, String prefix, RetrievalMetrics.Directional d) {
        out.put(prefix + "R@1", d.recallAt1());
        out.put(prefix + "R@5", d.recallAt5());
        out.put(prefix + "R@10", d.recallAt10());
        out.put(prefix + "MRR", d.mrr());
        out.put(prefix + "median_rank", d.medianRank());
    }
}
