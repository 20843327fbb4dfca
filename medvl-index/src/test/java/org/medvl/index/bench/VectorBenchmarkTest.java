package org.medvl.index.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VectorBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void exactSearchMatchesAFullSort() {
        ClusteredVectors gen = ClusteredVectors.standard(24, 2000, 7);
        float[][] data = gen.generate(0, 2000);
        float[] q = gen.vector(1, 0);
        int[] expected = IntStream.range(0, data.length).boxed()
                .sorted(Comparator.comparingDouble(i -> -dot(data[i], q))).limit(10).mapToInt(i -> i).toArray();
        assertArrayEquals(expected, ExactSearch.topK(data, q, 10));
    }

    @Test
    void generatorIsSeededUnitLengthAndClustered() {
        ClusteredVectors a = ClusteredVectors.standard(64, 5000, 1);
        ClusteredVectors b = ClusteredVectors.standard(64, 5000, 1);
        assertArrayEquals(a.vector(0, 123), b.vector(0, 123));
        assertEquals(1.0, dot(a.vector(0, 5), a.vector(0, 5)), 1e-5);
        // Clustered, not uniform: a query's nearest neighbour is much closer than a typical vector.
        float[][] data = a.generate(0, 5000);
        float[] q = a.vector(1, 0);
        double nearest = dot(data[ExactSearch.topK(data, q, 1)[0]], q);
        double typical = IntStream.range(0, 200).mapToDouble(i -> dot(data[i], q)).average().orElseThrow();
        assertTrue(nearest > 0.8 && typical < 0.3, "nearest " + nearest + ", typical " + typical);
    }

    @Test
    void hnswRecallIsHighAndExactRecallIsOne() {
        VectorBenchmark.Config c = new VectorBenchmark.Config(5000, 32, 100, 100, 10, new int[] {10, 100}, 16, 100,
                2, 3, tmp.resolve("idx"));
        VectorBenchmark.Report r = VectorBenchmark.run(c, new PrintWriter(new StringWriter()));
        assertEquals(3, r.rows().size());
        assertEquals(1.0, r.rows().get(0).recall());
        VectorBenchmark.Row ef100 = r.rows().get(2);
        assertEquals(100, ef100.candidates());
        assertTrue(ef100.recall() >= 0.95, "recall@10 at ef=100: " + ef100.recall());
        assertTrue(ef100.recall() >= r.rows().get(1).recall(), "a wider search cannot lose recall here");
        assertTrue(r.indexBytes() > r.rawBytes(), "the index holds the vectors plus the graph");
        assertTrue(r.rows().stream().allMatch(x -> x.p99Millis() >= x.p50Millis()));
    }

    @Test
    void percentilesAndOverlap() {
        double[] s = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertEquals(5, VectorBenchmark.percentile(s, 0.5));
        assertEquals(10, VectorBenchmark.percentile(s, 0.99));
        assertEquals(2, VectorBenchmark.overlap(new int[] {1, 2, 3}, new int[] {3, 4, 1}));
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
