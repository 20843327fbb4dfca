package org.medvl.cli.train;

import org.medvl.core.MedvlException;
import org.medvl.models.clip.ClipConfig;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;
import picocli.CommandLine.Option;

/** The CLIP architecture options shared by {@code medvl train clip} and {@code medvl bench train}. */
public final class ClipModelOptions {
    @Option(names = "--image-encoder", defaultValue = "resnet", description = "resnet or vit (default ${DEFAULT-VALUE})")
    String imageEncoder;

    @Option(names = "--image-width", defaultValue = "32",
            description = "resnet: first-stage channels; vit: token width (default ${DEFAULT-VALUE})")
    int imageWidth;

    @Option(names = "--image-depth", defaultValue = "1",
            description = "resnet: blocks per stage; vit: layers (default ${DEFAULT-VALUE})")
    int imageDepth;

    @Option(names = "--vit-heads", defaultValue = "4", description = "vit: attention heads (default ${DEFAULT-VALUE})")
    int vitHeads;

    @Option(names = "--vit-patch", defaultValue = "16", description = "vit: patch side (default ${DEFAULT-VALUE})")
    int vitPatch;

    @Option(names = "--image-size", defaultValue = "128", description = "Input side in pixels (default ${DEFAULT-VALUE})")
    public int imageSize;

    @Option(names = "--text-width", defaultValue = "128", description = "Text Transformer width (default ${DEFAULT-VALUE})")
    int textWidth;

    @Option(names = "--text-depth", defaultValue = "2", description = "Text Transformer layers (default ${DEFAULT-VALUE})")
    int textDepth;

    @Option(names = "--text-heads", defaultValue = "4", description = "Text attention heads (default ${DEFAULT-VALUE})")
    int textHeads;

    @Option(names = "--max-text-length", defaultValue = "64", description = "Tokens per text (default ${DEFAULT-VALUE})")
    int maxTextLength;

    @Option(names = "--embed-dim", defaultValue = "128", description = "Shared embedding width (default ${DEFAULT-VALUE})")
    int embedDim;

    @Option(names = "--dropout", defaultValue = "0.1", description = "Text encoder dropout (default ${DEFAULT-VALUE})")
    float dropout;

    @Option(names = "--vocab-size", defaultValue = "4000", description = "WordPiece vocabulary (default ${DEFAULT-VALUE})")
    public int vocabSize;

    @Option(names = "--engine-threads", defaultValue = "1", description = "PyTorch intra-op threads (default "
            + "${DEFAULT-VALUE}: the loader threads use the other core, and spinning OpenMP threads slow shared machines)")
    public int engineThreads;

    /** The architecture; the text vocabulary size is replaced by the trained tokenizer's. */
    public ClipConfig config() {
        try {
            return new ClipConfig(new ImageEncoderConfig(imageEncoder, imageWidth, imageDepth, vitHeads, vitPatch, 0f),
                    new TextEncoderConfig(vocabSize, maxTextLength, textWidth, textDepth, textHeads, dropout),
                    imageSize, 1, embedDim, 0.07f);
        } catch (IllegalArgumentException e) {
            throw new MedvlException("model options: " + e.getMessage());
        }
    }
}
