package org.medvl.models.report;

import java.util.Locale;
import org.medvl.models.nn.ImageEncoderConfig;

/**
 * The architecture of a report-generation model; stored as config.json in every checkpoint.
 *
 * @param task         always "report": how {@link org.medvl.models.api.MedvlModels} recognises the directory
 * @param image        the image encoder
 * @param imageSize    square input size in pixels
 * @param channels     input channels (1 for greyscale radiology)
 * @param decoder      "transformer" (causal self-attention + cross-attention to the image grid) or "r2gen" (the
 *                     same plus R2Gen's relational memory and memory-driven conditional layer norm)
 * @param width        decoder width (and the width image features are projected to)
 * @param layers       decoder layers
 * @param heads        attention heads
 * @param dropout      dropout rate in the decoder
 * @param maxLength    the longest report in tokens, not counting the start and end tokens
 * @param vocabSize    output vocabulary size (set from the trained vocabulary)
 * @param maxImages    images of one study the model attends to; more are dropped (the first ones are kept)
 * @param memorySlots  r2gen: rows of the relational memory (R2Gen uses 3)
 */
public record ReportConfig(String task, ImageEncoderConfig image, int imageSize, int channels, String decoder,
                           int width, int layers, int heads, float dropout, int maxLength, int vocabSize,
                           int maxImages, int memorySlots) {
    public static final String TASK = "report";

    public ReportConfig {
        task = TASK;
        decoder = decoder == null ? "transformer" : decoder.toLowerCase(Locale.ROOT);
        if (!decoder.equals("transformer") && !decoder.equals("r2gen")) {
            throw new IllegalArgumentException("decoder '" + decoder + "' is not one of transformer, r2gen");
        }
        if (image == null) {
            throw new IllegalArgumentException("config needs an image encoder");
        }
        if (imageSize <= 0 || channels <= 0 || width <= 0 || layers <= 0 || heads <= 0 || maxLength <= 0
                || maxImages <= 0 || memorySlots <= 0 || vocabSize < 0) {
            throw new IllegalArgumentException("image size, channels, width, layers, heads, max length, max images "
                    + "and memory slots must be positive");
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("width " + width + " is not divisible by " + heads + " heads");
        }
    }

    /** The measured MedPix setting: ResNet width 32 at 128 px, 2-layer width-128 decoder, 60 tokens, 4 images. */
    public static ReportConfig small(String decoder) {
        return new ReportConfig(TASK, ImageEncoderConfig.resnet(32, 1), 128, 1, decoder, 128, 2, 4, 0.1f, 60, 0, 4,
                3);
    }

    public boolean r2gen() {
        return decoder.equals("r2gen");
    }

    public ReportConfig withVocabSize(int v) {
        return new ReportConfig(task, image, imageSize, channels, decoder, width, layers, heads, dropout, maxLength, v,
                maxImages, memorySlots);
    }

    /** Grid tokens per image: ResNet halves the side five times (stem + four stages); ViT has one per patch. */
    public int gridTokens() {
        if (image.type().equals("vit")) {
            int side = imageSize / image.patch();
            return side * side;
        }
        int side = imageSize;
        for (int i = 0; i < 5; i++) {
            side = (side + 1) / 2;
        }
        return side * side;
    }
}
