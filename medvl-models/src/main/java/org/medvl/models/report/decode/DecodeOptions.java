package org.medvl.models.report.decode;

import java.util.Locale;

/**
 * How to turn a model's next-token distributions into text.
 *
 * @param method        greedy, beam or sample
 * @param beamWidth     beam: hypotheses kept per step (1 behaves as greedy when lengthPenalty is 0)
 * @param lengthPenalty beam: a finished hypothesis scores sum(log p) / length^lengthPenalty (length counts the end
 *                      token); 0 ranks by total log-probability, larger values favour longer reports
 * @param noRepeatNgram never emit a token that would repeat an n-gram of this size already generated; 0 to allow
 * @param minLength     the end token is forbidden before this many tokens
 * @param maxLength     at most this many tokens (not counting the end token)
 * @param temperature   sample: logits are divided by this
 * @param topK          sample: only the k most likely tokens; 0 for all
 * @param topP          sample: only the smallest set of most likely tokens whose probability reaches p; 1 for all
 * @param seed          sample: the random seed (each study draws from its own stream derived from it)
 */
public record DecodeOptions(Method method, int beamWidth, float lengthPenalty, int noRepeatNgram, int minLength,
                            int maxLength, float temperature, int topK, float topP, long seed) {
    /** The decoding strategies. */
    public enum Method {
        GREEDY, BEAM, SAMPLE;

        public static Method parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("decoding method '" + s + "' is not one of greedy, beam, sample");
            }
        }
    }

    public DecodeOptions {
        if (method == null) {
            throw new IllegalArgumentException("decoding method missing");
        }
        if (beamWidth < 1 || maxLength < 1 || minLength < 0 || minLength > maxLength || noRepeatNgram < 0) {
            throw new IllegalArgumentException("decoding needs beam width >= 1, max length >= 1, "
                    + "0 <= min length <= max length, no-repeat n-gram size >= 0");
        }
        if (!(temperature > 0) || topK < 0 || !(topP > 0) || topP > 1) {
            throw new IllegalArgumentException("sampling needs temperature > 0, top-k >= 0, 0 < top-p <= 1");
        }
    }

    public static DecodeOptions greedy(int maxLength) {
        return new DecodeOptions(Method.GREEDY, 1, 0f, 0, 0, maxLength, 1f, 0, 1f, 0);
    }

    public static DecodeOptions beam(int width, int maxLength) {
        return new DecodeOptions(Method.BEAM, width, 1f, 0, 0, maxLength, 1f, 0, 1f, 0);
    }

    public static DecodeOptions sample(float temperature, int topK, float topP, long seed, int maxLength) {
        return new DecodeOptions(Method.SAMPLE, 1, 0f, 0, 0, maxLength, temperature, topK, topP, seed);
    }

    public DecodeOptions withMaxLength(int max) {
        return new DecodeOptions(method, beamWidth, lengthPenalty, noRepeatNgram, Math.min(minLength, max), max,
                temperature, topK, topP, seed);
    }

    public DecodeOptions withNoRepeatNgram(int n) {
        return new DecodeOptions(method, beamWidth, lengthPenalty, n, minLength, maxLength, temperature, topK, topP,
                seed);
    }

    public DecodeOptions withMinLength(int n) {
        return new DecodeOptions(method, beamWidth, lengthPenalty, noRepeatNgram, n, maxLength, temperature, topK,
                topP, seed);
    }

    public DecodeOptions withLengthPenalty(float p) {
        return new DecodeOptions(method, beamWidth, p, noRepeatNgram, minLength, maxLength, temperature, topK, topP,
                seed);
    }
}
