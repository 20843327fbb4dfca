package org.medvl.models.onnx;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The small JSON (clip-onnx.json) that sits beside exported encoders and says how to feed them.
 *
 * @param imageInput  name of the image encoder's pixel input (N, C, H, W float32)
 * @param textIds     name of the text encoder's token-id input (N, T int64)
 * @param textMask    name of its attention-mask input (N, T int64), or null when it takes none
 * @param maxLength   longest token sequence the text encoder accepts
 * @param logitScale  the trained inverse temperature (e.g. 100 for CLIP), for zero-shot probabilities
 * @param preprocess  the image preprocessing, in medvl's PreprocessConfig JSON form
 */
public record OnnxClipConfig(String imageInput, String textIds, String textMask, int maxLength, float logitScale,
                             JsonNode preprocess) {
    public OnnxClipConfig {
        if (imageInput == null || textIds == null || preprocess == null) {
            throw new IllegalArgumentException("needs imageInput, textIds and preprocess");
        }
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2");
        }
        logitScale = logitScale > 0 ? logitScale : 100f;
    }
}
