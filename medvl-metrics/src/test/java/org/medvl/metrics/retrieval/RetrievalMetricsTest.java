package org.medvl.metrics.retrieval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RetrievalMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void handComputedSquareMatrixWithTies() {
        double[][] sim = {{0.9, 0.1, 0.3}, {0.2, 0.5, 0.8}, {0.4, 0.4, 0.4}};
        var r = RetrievalMetrics.fromSimilarity(sim);
        // image->text ranks: 1, 2 (0.8 beats 0.5), 3 (three-way tie, stable order puts text 2 last)
        assertEquals(1.0 / 3, r.imageToText().recallAt1(), EPS);
        assertEquals(1.0, r.imageToText().recallAt5(), EPS);
        assertEquals((1 + 0.5 + 1.0 / 3) / 3, r.imageToText().mrr(), EPS);
        assertEquals(2.0, r.imageToText().medianRank(), EPS);
        // text->image ranks: columns (0.9,0.2,0.4) -> 1, (0.1,0.5,0.4) -> 1, (0.3,0.8,0.4) -> 2
        assertEquals(2.0 / 3, r.textToImage().recallAt1(), EPS);
        assertEquals((1 + 1 + 0.5) / 3, r.textToImage().mrr(), EPS);
        assertEquals(1.0, r.textToImage().medianRank(), EPS);
    }

    @Test
    void imageWithSeveralTextsTakesItsBestRankedText() {
        double[][] sim = {{0.1, 0.9, 0.5, 0.2}, {0.3, 0.2, 0.1, 0.8}};
        var r = RetrievalMetrics.fromSimilarity(sim, new int[] {0, 0, 1, 1});
        assertEquals(1.0, r.imageToText().recallAt1(), EPS); // image 0 -> text 1, image 1 -> text 3
        // text->image: t0 (0.1 vs 0.3) rank 2; t1 rank 1; t2 (0.5 vs 0.1) rank 2; t3 rank 1
        assertEquals(0.5, r.textToImage().recallAt1(), EPS);
        assertEquals(1.5, r.textToImage().medianRank(), EPS);
    }

    @Test
    void rankedListsWithEvenCountAndMissingMatch() {
        var d = RetrievalMetrics.fromRankedLists(
                List.of(List.of("a", "b"), List.of("x", "y", "c"), List.of("p", "q"), List.of("m", "d")),
                List.of(Set.of("a"), Set.of("c"), Set.of("zzz"), Set.of("d")));
        // ranks 1, 3, infinity, 2
        assertEquals(0.25, d.recallAt1(), EPS);
        assertEquals(0.75, d.recallAt5(), EPS);
        assertEquals((1 + 1.0 / 3 + 0 + 0.5) / 4, d.mrr(), EPS);
        assertEquals(2.5, d.medianRank(), EPS); // numpy.median of [1, 2, 3, inf]
    }

    @Test
    void badInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.fromSimilarity(new double[][] {{1, 2}, {3}}));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.fromSimilarity(new double[][] {{Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.fromSimilarity(new double[][] {{1, 2},
            {3, 4}}, new int[] {0, 0}));
    }

    @Test
    void queriesWithSeveralMatchesTakeTheBestRankedOne() {
        double[][] sim = {{0.2, 0.9, 0.5, 0.5}, {0.3, 0.3, 0.3, 0.1}};
        var d = RetrievalMetrics.fromRelevance(sim, new int[][] {{0, 2}, {1, 3}});
        // query 0: candidate 2 (0.5) is second, after 0.9; its tie at index 3 comes later; candidate 0 is last
        // query 1: candidate 1 ties with candidate 0 at a lower index: rank 2; candidate 3 is last: rank 4
        assertEquals(0, d.recallAt1(), EPS);
        assertEquals(1.0, d.recallAt5(), EPS);
        assertEquals(2.0, d.medianRank(), EPS);
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.fromRelevance(sim, new int[][] {{0}, {}}));
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.fromRelevance(sim, new int[][] {{0}, {4}}));
    }

    @Test
    void randomRecallIsOneMinusTheChanceOfNoMatchInTheFirstK() {
        assertEquals(10.0 / 197, RetrievalMetrics.randomRecall(197, 1, 10), EPS);
        // two matches among 5, k 2: 1 - C(3,2)/C(5,2) = 1 - 3/10
        assertEquals(0.7, RetrievalMetrics.randomRecall(5, 2, 2), EPS);
        assertEquals(1.0, RetrievalMetrics.randomRecall(5, 4, 2), EPS);
        assertEquals(1.0, RetrievalMetrics.randomRecall(3, 1, 10), EPS);
        assertThrows(IllegalArgumentException.class, () -> RetrievalMetrics.randomRecall(3, 0, 1));
    }
}
