package org.medvl.models.report.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Decoding strategies on hand-built scorers whose right output is worked out by hand. */
class DecodersTest {
    static final int EOS = 0;
    static final int A = 1;
    static final int B = 2;
    static final int C = 3;

    /** A scorer from a function (source, prefix) -> probabilities over {EOS, A, B, C}; counts its calls. */
    static final class TableScorer implements NextTokenScorer {
        final BiFunction<Integer, int[], double[]> table;
        int calls;

        TableScorer(BiFunction<Integer, int[], double[]> table) {
            this.table = table;
        }

        @Override
        public int vocabSize() {
            return 4;
        }

        @Override
        public int eos() {
            return EOS;
        }

        @Override
        public float[][] logProbs(int[] sources, List<int[]> prefixes) {
            calls++;
            float[][] out = new float[sources.length][];
            for (int i = 0; i < sources.length; i++) {
                double[] p = table.apply(sources[i], prefixes.get(i));
                out[i] = new float[p.length];
                for (int t = 0; t < p.length; t++) {
                    out[i][t] = p[t] == 0 ? Float.NEGATIVE_INFINITY : (float) Math.log(p[t]);
                }
            }
            return out;
        }
    }

    /** Greedy takes A (0.5) and ends with "A B" (p = 0.175); the best sequence is "B" (p = 0.36). */
    static double[] trap(int source, int[] prefix) {
        if (prefix.length == 0) {
            return new double[] {0.1, 0.5, 0.4, 0};
        }
        if (prefix[0] == A && prefix.length == 1) {
            return new double[] {0.3, 0, 0.35, 0.35};
        }
        if (prefix[0] == B && prefix.length == 1) {
            return new double[] {0.9, 0.05, 0.05, 0};
        }
        return new double[] {1, 0, 0, 0};
    }

    @Test
    void greedyFollowsTheLocallyBestToken() {
        List<int[]> out = Decoders.greedy(new TableScorer(DecodersTest::trap), 1, DecodeOptions.greedy(10));
        assertArrayEquals(new int[] {A, B}, out.get(0));
    }

    @Test
    void beamSearchFindsTheMoreLikelySequence() {
        DecodeOptions o = DecodeOptions.beam(2, 10).withLengthPenalty(0f);
        assertArrayEquals(new int[] {B}, Decoders.decode(new TableScorer(DecodersTest::trap), 1, o).get(0));
    }

    @Test
    void lengthPenaltyCanPreferTheLongerSequence() {
        // "A B" scores log(0.175)/3^2 = -0.194 against "B"'s log(0.36)/2^2 = -0.255 when the penalty is 2.
        DecodeOptions o = DecodeOptions.beam(2, 10).withLengthPenalty(2f);
        assertArrayEquals(new int[] {A, B}, Decoders.decode(new TableScorer(DecodersTest::trap), 1, o).get(0));
    }

    /** A deterministic pseudo-random distribution per (source, prefix). */
    static double[] noisy(int source, int[] prefix) {
        long h = 1469598103934665603L ^ source;
        for (int t : prefix) {
            h = (h ^ t) * 1099511628211L;
        }
        double[] p = new double[4];
        double sum = 0;
        for (int t = 0; t < 4; t++) {
            h = h * 6364136223846793005L + 1442695040888963407L;
            p[t] = 0.05 + ((h >>> 33) % 1000) / 1000.0 + (t == EOS ? prefix.length * 0.1 : 0);
            sum += p[t];
        }
        for (int t = 0; t < 4; t++) {
            p[t] /= sum;
        }
        return p;
    }

    @Test
    void beamOfWidthOneWithoutPenaltyIsGreedy() {
        TableScorer s = new TableScorer(DecodersTest::noisy);
        List<int[]> greedy = Decoders.greedy(s, 20, DecodeOptions.greedy(12));
        List<int[]> beam = Decoders.decode(s, 20, DecodeOptions.beam(1, 12).withLengthPenalty(0f));
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(greedy.get(i), beam.get(i), "source " + i);
        }
    }

    @Test
    void batchDecodingEqualsOneSourceAtATime() {
        TableScorer s = new TableScorer(DecodersTest::noisy);
        for (DecodeOptions o : List.of(DecodeOptions.greedy(9), DecodeOptions.beam(3, 9),
                DecodeOptions.sample(0.8f, 3, 0.9f, 7, 9))) {
            List<int[]> batch = Decoders.decode(s, 6, o);
            for (int i = 0; i < 6; i++) {
                final int src = i;
                TableScorer single = new TableScorer((x, prefix) -> noisy(src, prefix));
                int[] alone = o.method() == DecodeOptions.Method.SAMPLE
                        ? Decoders.decode(new TableScorer((x, prefix) -> noisy(x, prefix)), src + 1, o).get(src)
                        : Decoders.decode(single, 1, o).get(0);
                assertArrayEquals(alone, batch.get(i), o.method() + " source " + i);
            }
        }
    }

    /** Prefers A after anything but A, B after A, C second everywhere, EOS after C. */
    static double[] cycle(int source, int[] prefix) {
        int last = prefix.length == 0 ? -1 : prefix[prefix.length - 1];
        if (last == C) {
            return new double[] {0.9, 0.05, 0.05, 0};
        }
        return last == A ? new double[] {0.01, 0.09, 0.6, 0.3} : new double[] {0.01, 0.6, 0.09, 0.3};
    }

    @Test
    void noRepeatNgramBlocksARepeatedBigram() {
        TableScorer s = new TableScorer(DecodersTest::cycle);
        assertArrayEquals(new int[] {A, B, A, B, A, B}, Decoders.greedy(s, 1, DecodeOptions.greedy(6)).get(0));
        // After "A B A", B would repeat the bigram "A B": C is the next best, then the end.
        assertArrayEquals(new int[] {A, B, A, C},
                Decoders.greedy(s, 1, DecodeOptions.greedy(6).withNoRepeatNgram(2)).get(0));
        assertArrayEquals(new int[] {A, B, A, C},
                Decoders.decode(s, 1, DecodeOptions.beam(1, 6).withLengthPenalty(0f).withNoRepeatNgram(2)).get(0));
    }

    @Test
    void minAndMaxLength() {
        TableScorer endsAtOnce = new TableScorer((x, prefix) -> new double[] {0.7, 0.2, 0.1, 0});
        assertArrayEquals(new int[0], Decoders.greedy(endsAtOnce, 1, DecodeOptions.greedy(5)).get(0));
        assertArrayEquals(new int[] {A, A, A},
                Decoders.greedy(endsAtOnce, 1, DecodeOptions.greedy(5).withMinLength(3)).get(0));
        assertArrayEquals(new int[] {A, A, A},
                Decoders.decode(endsAtOnce, 1, DecodeOptions.beam(3, 5).withMinLength(3)).get(0));
        TableScorer neverEnds = new TableScorer((x, prefix) -> new double[] {0.01, 0.5, 0.49, 0});
        assertEquals(4, Decoders.greedy(neverEnds, 1, DecodeOptions.greedy(4)).get(0).length);
        assertEquals(4, Decoders.decode(neverEnds, 1, DecodeOptions.beam(2, 4)).get(0).length);
        assertEquals(4, Decoders.decode(neverEnds, 1, DecodeOptions.sample(1f, 0, 1f, 1, 4)).get(0).length);
    }

    @Test
    void samplingWithTopKOneIsGreedyAndSeedsRepeat() {
        TableScorer s = new TableScorer(DecodersTest::noisy);
        List<int[]> greedy = Decoders.greedy(s, 10, DecodeOptions.greedy(8));
        List<int[]> top1 = Decoders.decode(s, 10, DecodeOptions.sample(1.3f, 1, 1f, 99, 8));
        List<int[]> again = Decoders.decode(s, 10, DecodeOptions.sample(1f, 0, 1f, 5, 8));
        List<int[]> same = Decoders.decode(s, 10, DecodeOptions.sample(1f, 0, 1f, 5, 8));
        List<int[]> other = Decoders.decode(s, 10, DecodeOptions.sample(1f, 0, 1f, 6, 8));
        boolean differs = false;
        for (int i = 0; i < 10; i++) {
            assertArrayEquals(greedy.get(i), top1.get(i));
            assertArrayEquals(again.get(i), same.get(i));
            differs |= !Arrays.equals(again.get(i), other.get(i));
        }
        assertTrue(differs, "another seed should give other samples");
    }

    @Test
    void samplingFrequenciesFollowTemperatureTopKAndTopP() {
        // One token then the end: the first token's frequency over many sources estimates the distribution.
        TableScorer s = new TableScorer((x, prefix) -> prefix.length == 0
                ? new double[] {0, 0.5, 0.3, 0.2} : new double[] {1, 0, 0, 0});
        int n = 20000;
        double[] plain = frequencies(Decoders.decode(s, n, DecodeOptions.sample(1f, 0, 1f, 3, 4)));
        assertEquals(0.5, plain[A], 0.015);
        assertEquals(0.3, plain[B], 0.015);
        assertEquals(0.2, plain[C], 0.015);
        // Temperature 0.5 squares the probabilities: 0.25 : 0.09 : 0.04.
        double[] cold = frequencies(Decoders.decode(s, n, DecodeOptions.sample(0.5f, 0, 1f, 3, 4)));
        assertEquals(0.25 / 0.38, cold[A], 0.015);
        assertEquals(0.04 / 0.38, cold[C], 0.015);
        // Top-k 2 renormalises A and B: 0.625 / 0.375; top-p 0.7 keeps the same two (0.5 + 0.3 >= 0.7).
        for (DecodeOptions o : List.of(DecodeOptions.sample(1f, 2, 1f, 3, 4), DecodeOptions.sample(1f, 0, 0.7f, 3, 4))) {
            double[] f = frequencies(Decoders.decode(s, n, o));
            assertEquals(0, f[C]);
            assertEquals(0.625, f[A], 0.015);
        }
        // Top-p 0.5 keeps A alone.
        assertEquals(1.0, frequencies(Decoders.decode(s, 500, DecodeOptions.sample(1f, 0, 0.5f, 3, 4)))[A], 1e-9);
    }

    private static double[] frequencies(List<int[]> out) {
        double[] f = new double[4];
        for (int[] seq : out) {
            f[seq[0]] += 1.0 / out.size();
        }
        return f;
    }

    @Test
    void beamSearchAsksOnceForAllLiveHypothesesOfAllSources() {
        TableScorer s = new TableScorer(DecodersTest::noisy);
        Decoders.decode(s, 8, DecodeOptions.beam(3, 5));
        assertTrue(s.calls <= 5, "one scorer call per step, got " + s.calls);
    }
}
