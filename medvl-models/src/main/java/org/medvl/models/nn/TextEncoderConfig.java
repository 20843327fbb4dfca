package org.medvl.models.nn;

/**
 * Size of a {@link TextTransformer}; JSON-serialisable so checkpoints rebuild the exact network.
 *
 * @param vocabSize tokens in the tokenizer's vocabulary
 * @param maxLength longest token sequence, [CLS] and [SEP] included
 */
public record TextEncoderConfig(int vocabSize, int maxLength, int width, int depth, int heads, float dropout) {
    public TextEncoderConfig {
        if (vocabSize <= 0 || maxLength < 2 || width <= 0 || depth <= 0 || heads <= 0) {
            throw new IllegalArgumentException("text encoder sizes must be positive (max length at least 2)");
        }
    }

    public TextTransformer build() {
        return new TextTransformer(vocabSize, maxLength, width, depth, heads, dropout);
    }
}
