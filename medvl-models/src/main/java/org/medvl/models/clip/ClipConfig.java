package org.medvl.models.clip;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;

/**
 * The architecture of a CLIP-style dual encoder (Radford et al. 2021); stored as config.json in every checkpoint.
 *
 * @param image              the image encoder
 * @param text               the text encoder
 * @param imageSize          square input size in pixels
 * @param channels           input channels (1 for greyscale radiology, 3 for colour)
 * @param embedDim           width of the shared embedding space
 * @param initialTemperature the softmax temperature the learnable logit scale starts from (CLIP: 0.07)
 */
@JsonIgnoreProperties(value = "task", allowGetters = true)
public record ClipConfig(ImageEncoderConfig image, TextEncoderConfig text, int imageSize, int channels, int embedDim,
                         float initialTemperature) {
    public ClipConfig {
        if (image == null || text == null) {
            throw new IllegalArgumentException("config needs both an image and a text encoder");
        }
        if (imageSize <= 0 || channels <= 0 || embedDim <= 0 || !(initialTemperature > 0)) {
            throw new IllegalArgumentException("image size, channels, embedding width and temperature must be positive");
        }
    }

    /** Written to config.json as {@code "task": "clip"} so {@code MedvlModels} knows what the directory holds. */
    @JsonProperty("task")
    public String task() {
        return "clip";
    }
}
