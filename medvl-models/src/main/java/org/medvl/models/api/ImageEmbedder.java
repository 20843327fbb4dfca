package org.medvl.models.api;

import java.nio.file.Path;

/** Maps images and texts into one embedding space (a CLIP-style model). Thread-safe. */
public interface ImageEmbedder extends AutoCloseable {
    String name();

    /** Embedding dimension. */
    int dimension();

    /** L2-normalised image embedding. */
    float[] embedImage(Path image);

    /** L2-normalised text embedding. */
    float[] embedText(String text);

    @Override
    default void close() {
    }
}
