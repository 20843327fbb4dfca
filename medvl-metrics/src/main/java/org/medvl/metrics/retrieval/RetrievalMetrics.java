package org.medvl.metrics.retrieval;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.medvl.core.stats.Median;

/**
 * Cross-modal retrieval scores (CLIP / ConVIRT / MedCLIP papers): Recall@1/5/10, mean reciprocal rank and median rank,
 * image-to-text and text-to-image.
 *
 * <p>Rank of a query = 1-based position of its first relevant candidate when candidates are sorted by descending
 * similarity with a stable sort (ties keep candidate index order, as torch.argsort(stable=True) / numpy's stable
 * argsort on negated scores): rank = 1 + #(higher scores) + #(equal scores at a lower index). An image with several
 * matching texts takes its best-ranked text (COCO / Flickr convention). Median rank follows numpy.median (mean of
 * the two middle ranks for an even count). A ranked list without any relevant candidate has rank infinity:
 * reciprocal rank 0, never within R@K.
 */
public final class RetrievalMetrics {
    private RetrievalMetrics() {
    }

    /** Scores of one direction. */
    public record Directional(int queries, double recallAt1, double recallAt5, double recallAt10, double mrr,
            double medianRank) {
    }

    /** Both directions. */
    public record Result(Directional imageToText, Directional textToImage) {
    }

    /** Square similarity matrix: image i matches text i. */
    public static Result fromSimilarity(double[][] sim) {
        int[] textToImage = new int[sim.length];
        for (int i = 0; i < sim.length; i++) {
            textToImage[i] = i;
        }
        return fromSimilarity(sim, textToImage);
    }

    /**
     * {@code sim[i][j]} = similarity of image i and text j; {@code textToImage[j]} = the image text j describes.
     * Every image needs at least one text.
     */
    public static Result fromSimilarity(double[][] sim, int[] textToImage) {
        int images = sim.length;
        int texts = textToImage.length;
        for (int i = 0; i < images; i++) {
            if (sim[i].length != texts) {
                throw new IllegalArgumentException("similarity row " + i + " has " + sim[i].length
                        + " columns, expected " + texts);
            }
            for (int j = 0; j < texts; j++) {
                if (Double.isNaN(sim[i][j])) {
                    throw new IllegalArgumentException("similarity[" + i + "][" + j + "] is NaN");
                }
            }
        }
        double[] i2t = new double[images];
        Arrays.fill(i2t, Double.POSITIVE_INFINITY);
        for (int j = 0; j < texts; j++) {
            int img = textToImage[j];
            if (img < 0 || img >= images) {
                throw new IllegalArgumentException("text " + j + " points to image " + img + ", outside 0.."
                        + (images - 1));
            }
            i2t[img] = Math.min(i2t[img], rank(sim[img], j));
        }
        for (int i = 0; i < images; i++) {
            if (Double.isInfinite(i2t[i])) {
                throw new IllegalArgumentException("image " + i + " has no matching text");
            }
        }
        double[] t2i = new double[texts];
        double[] column = new double[images];
        for (int j = 0; j < texts; j++) {
            for (int i = 0; i < images; i++) {
                column[i] = sim[i][j];
            }
            t2i[j] = rank(column, textToImage[j]);
        }
        return new Result(summarize(i2t), summarize(t2i));
    }

    /**
     * One direction where a query may have several matching candidates: {@code sim[q][c]} = similarity of query q and
     * candidate c, {@code relevant[q]} = the candidates that match q (at least one). A query's rank is that of its
     * best-ranked match, with the stable tie order of {@link #fromSimilarity(double[][])}.
     */
    public static Directional fromRelevance(double[][] sim, int[][] relevant) {
        if (sim.length != relevant.length) {
            throw new IllegalArgumentException(sim.length + " queries but " + relevant.length + " relevance lists");
        }
        double[] ranks = new double[sim.length];
        for (int q = 0; q < sim.length; q++) {
            if (relevant[q].length == 0) {
                throw new IllegalArgumentException("query " + q + " has no matching candidate");
            }
            ranks[q] = Double.POSITIVE_INFINITY;
            for (int c : relevant[q]) {
                if (c < 0 || c >= sim[q].length) {
                    throw new IllegalArgumentException("query " + q + " matches candidate " + c + ", outside 0.."
                            + (sim[q].length - 1));
                }
                ranks[q] = Math.min(ranks[q], rank(sim[q], c));
            }
        }
        return summarize(ranks);
    }

    /**
     * Expected R@K of a uniformly random ranking of {@code candidates} items of which {@code matching} match:
     * 1 - C(n - m, k) / C(n, k), the chance that at least one match is among the first k.
     */
    public static double randomRecall(int candidates, int matching, int k) {
        if (matching < 1 || matching > candidates || k < 0) {
            throw new IllegalArgumentException("need 1 <= matching <= candidates and k >= 0, got " + matching + ", "
                    + candidates + ", " + k);
        }
        double none = 1;
        for (int i = 0; i < Math.min(k, candidates); i++) {
            none *= (double) (candidates - matching - i) / (candidates - i);
            if (none <= 0) {
                return 1;
            }
        }
        return 1 - none;
    }

    /** One direction from ranked candidate lists: {@code ranked.get(q)} best first, {@code relevant.get(q)} its matches. */
    public static Directional fromRankedLists(List<List<String>> ranked, List<Set<String>> relevant) {
        if (ranked.size() != relevant.size()) {
            throw new IllegalArgumentException("ranked lists and relevance sets differ in size: " + ranked.size()
                    + " vs " + relevant.size());
        }
        double[] ranks = new double[ranked.size()];
        for (int q = 0; q < ranks.length; q++) {
            ranks[q] = Double.POSITIVE_INFINITY;
            List<String> list = ranked.get(q);
            for (int k = 0; k < list.size(); k++) {
                if (relevant.get(q).contains(list.get(k))) {
                    ranks[q] = k + 1;
                    break;
                }
            }
        }
        return summarize(ranks);
    }

    /** 1-based stable rank of candidate {@code target} in {@code scores}. */
    static int rank(double[] scores, int target) {
        double s = scores[target];
        int r = 1;
        for (int k = 0; k < scores.length; k++) {
            if (scores[k] > s || (scores[k] == s && k < target)) {
                r++;
            }
        }
        return r;
    }

    /** Scores from per-query ranks (infinite = not retrieved). */
    public static Directional summarize(double[] ranks) {
        int n = ranks.length;
        if (n == 0) {
            return new Directional(0, 0, 0, 0, 0, Double.NaN);
        }
        int r1 = 0;
        int r5 = 0;
        int r10 = 0;
        double rr = 0;
        for (double r : ranks) {
            r1 += r <= 1 ? 1 : 0;
            r5 += r <= 5 ? 1 : 0;
            r10 += r <= 10 ? 1 : 0;
            rr += Double.isInfinite(r) ? 0 : 1.0 / r;
        }
        return new Directional(n, (double) r1 / n, (double) r5 / n, (double) r10 / n, rr / n, Median.of(ranks));
    }
}
