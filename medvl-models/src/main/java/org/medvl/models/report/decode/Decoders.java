package org.medvl.models.report.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.medvl.models.train.Seeds;

/**
 * Greedy, beam-search and sampling decoding over a batch of sources (studies). Each returns, per source, the
 * generated token ids without the end token. Written here because DJL has no sequence decoding for custom blocks.
 */
public final class Decoders {
    private Decoders() {
    }

    /** Decodes {@code sources} studies with the strategy {@code options} names. */
    public static List<int[]> decode(NextTokenScorer scorer, int sources, DecodeOptions options) {
        return switch (options.method()) {
            case GREEDY -> greedy(scorer, sources, options);
            case BEAM -> BeamSearch.run(scorer, sources, options);
            case SAMPLE -> sample(scorer, sources, options);
        };
    }

    /** The most likely token at every step. */
    public static List<int[]> greedy(NextTokenScorer scorer, int sources, DecodeOptions o) {
        return stepwise(scorer, sources, o, (source, row) -> TokenRules.argmax(row));
    }

    /**
     * Draws each token from the distribution after temperature, top-k and top-p (nucleus; Holtzman et al., "The
     * Curious Case of Neural Text Degeneration", ICLR 2020) filtering. Source i draws from its own random stream
     * derived from (seed, i), so a study's output does not depend on what else is in the batch.
     */
    public static List<int[]> sample(NextTokenScorer scorer, int sources, DecodeOptions o) {
        SplittableRandom[] rng = new SplittableRandom[sources];
        for (int i = 0; i < sources; i++) {
            rng[i] = new SplittableRandom(Seeds.derive(o.seed(), i));
        }
        return stepwise(scorer, sources, o, (source, row) -> Sampling.draw(row, o, rng[source]));
    }

    private interface Chooser {
        int choose(int source, float[] row);
    }

    private static List<int[]> stepwise(NextTokenScorer scorer, int sources, DecodeOptions o, Chooser chooser) {
        int[][] out = new int[sources][0];
        boolean[] done = new boolean[sources];
        for (int step = 0; step < o.maxLength(); step++) {
            List<Integer> alive = new ArrayList<>();
            for (int s = 0; s < sources; s++) {
                if (!done[s]) {
                    alive.add(s);
                }
            }
            if (alive.isEmpty()) {
                break;
            }
            int[] ids = alive.stream().mapToInt(Integer::intValue).toArray();
            List<int[]> prefixes = new ArrayList<>(ids.length);
            for (int s : ids) {
                prefixes.add(out[s]);
            }
            float[][] lp = scorer.logProbs(ids, prefixes);
            for (int r = 0; r < ids.length; r++) {
                int s = ids[r];
                int t = chooser.choose(s, TokenRules.apply(lp[r], out[s], o, scorer.eos()));
                if (t == scorer.eos()) {
                    done[s] = true;
                } else {
                    out[s] = TokenRules.append(out[s], t);
                }
            }
        }
        return List.of(out);
    }
}
