package org.medvl.cli.index;

import java.nio.file.Files;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.index.ThumbnailEmbedder;
import org.medvl.models.api.ImageEmbedder;
import picocli.CommandLine.Option;

/** The {@code --model} option of the index commands: which {@link ImageEmbedder} embeds images and query text. */
public final class ModelOption {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Image-text model: 'thumbnail' (model-free pixel baseline, 32x32; 'thumbnail-N' for NxN) or a "
                    + "CLIP checkpoint directory. Omit for a text-only (BM25) index or text-only search.")
    String model;

    /** The embedder, or null when no model was given. */
    public ImageEmbedder openOrNull() {
        if (model == null || model.isBlank()) {
            return null;
        }
        if (model.equals(ThumbnailEmbedder.NAME)) {
            return new ThumbnailEmbedder(32);
        }
        if (model.startsWith(ThumbnailEmbedder.NAME + "-")) {
            try {
                return new ThumbnailEmbedder(Integer.parseInt(model.substring(ThumbnailEmbedder.NAME.length() + 1)));
            } catch (IllegalArgumentException e) {
                throw new MedvlException("--model " + model + ": " + e.getMessage());
            }
        }
        Path dir = Path.of(model);
        if (!Files.exists(dir)) {
            throw new MedvlException("--model " + model + ": no such model directory (or use 'thumbnail')");
        }
        // The CLIP checkpoint loader (medvl-models) is still being written; this is where it plugs in.
        throw new MedvlException("--model " + model + ": loading CLIP checkpoints into the index is not wired yet; "
                + "use --model thumbnail or omit --model for a text-only index");
    }
}
