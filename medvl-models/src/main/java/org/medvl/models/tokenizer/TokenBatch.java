package org.medvl.models.tokenizer;

/**
 * A padded batch of token ids in row-major (batch, length) order with its attention mask (1 for tokens, 0 for
 * padding), ready to become tensors.
 */
public record TokenBatch(long[] ids, float[] mask, int batch, int length) {
}
