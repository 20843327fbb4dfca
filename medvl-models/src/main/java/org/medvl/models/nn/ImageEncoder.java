package org.medvl.models.nn;

import ai.djl.nn.Block;

/**
 * An image encoder block: input images (B, C, H, W); outputs the pooled feature (B, {@link #featureDim()}) and the
 * spatial token features (B, N, {@link #featureDim()}) that captioning and VQA models attend to.
 */
public interface ImageEncoder extends Block {
    int featureDim();
}
