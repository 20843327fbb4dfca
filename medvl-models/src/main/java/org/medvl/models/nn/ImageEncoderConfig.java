package org.medvl.models.nn;

import java.util.Locale;

/**
 * Which image encoder to build and its size; JSON-serialisable so checkpoints rebuild the exact network.
 *
 * @param type    "resnet" (ResNet-style CNN) or "vit" (Vision Transformer)
 * @param width   resnet: channels of the first stage; vit: token width
 * @param depth   resnet: residual blocks per stage; vit: Transformer layers
 * @param heads   vit: attention heads (ignored by resnet)
 * @param patch   vit: patch size in pixels (ignored by resnet)
 * @param dropout vit: dropout rate
 */
public record ImageEncoderConfig(String type, int width, int depth, int heads, int patch, float dropout) {
    public ImageEncoderConfig {
        type = type == null ? "resnet" : type.toLowerCase(Locale.ROOT);
        if (!type.equals("resnet") && !type.equals("vit")) {
            throw new IllegalArgumentException("image encoder type '" + type + "' is not one of resnet, vit");
        }
        if (width <= 0 || depth <= 0) {
            throw new IllegalArgumentException("image encoder width and depth must be positive");
        }
    }

    public static ImageEncoderConfig resnet(int width, int blocksPerStage) {
        return new ImageEncoderConfig("resnet", width, blocksPerStage, 0, 0, 0f);
    }

    public static ImageEncoderConfig vit(int width, int depth, int heads, int patch) {
        return new ImageEncoderConfig("vit", width, depth, heads, patch, 0f);
    }

    /** Builds the encoder for square images of {@code imageSize} pixels. */
    public ImageEncoder build(int imageSize) {
        return type.equals("vit") ? new VisionTransformer(imageSize, patch, width, depth, heads, dropout)
                : new ResNetEncoder(width, depth);
    }
}
