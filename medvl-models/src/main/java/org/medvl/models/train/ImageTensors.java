package org.medvl.models.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * Turns an image file into the model's input tensor: (channels, size, size) floats in row-major CHW order.
 * Implementations must be thread-safe: the batch loader calls them from worker threads.
 */
public interface ImageTensors {
    float[] load(Path image);

    int channels();

    int size();

    /** The preprocessing as JSON, stored in checkpoints as preprocess.json so prediction decodes the same way. */
    JsonNode describe();
}
