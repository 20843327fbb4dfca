package org.medvl.models.clip;

import java.nio.file.Path;
import java.util.List;

/**
 * A trained image-text embedding model, whatever runs it (a medvl DJL checkpoint or exported ONNX encoders).
 * Embeddings are L2-normalised, so a dot product is the cosine similarity.
 */
public interface ClipEncoder extends AutoCloseable {
    float[][] embedImages(List<Path> images);

    float[][] embedTexts(List<String> texts);

    /** The logit scale (inverse temperature) to turn similarities into softmax probabilities. */
    float logitScale();

    /**
     * The template the model's training texts were built from (e.g. "{modality} {plane}. {caption}"), or null when
     * it is not known (ONNX exports, checkpoints without a training state).
     */
    default String textTemplate() {
        return null;
    }

    @Override
    void close();
}
