package org.medvl.models.report.decode;

import java.util.List;

/**
 * What every decoding strategy asks of a model: the log-probabilities of the next token after some prefixes. Keeping
 * the strategies behind this one call lets them be tested on small hand-built scorers whose right output is known.
 */
public interface NextTokenScorer {
    /** Number of token ids. */
    int vocabSize();

    /** The end-of-sequence token id. */
    int eos();

    /**
     * Natural-log probabilities of the next token, one row per prefix: row i continues {@code prefixes.get(i)} (the
     * generated tokens so far, without any start token) for source (study) {@code sources[i]}. Tokens the model must
     * never emit are negative infinity.
     */
    float[][] logProbs(int[] sources, List<int[]> prefixes);
}
