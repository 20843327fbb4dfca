package org.medvl.cli.index;

import java.nio.file.Files;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.index.ThumbnailEmbedder;
import org.medvl.models.api.ImageEmbedder;
import org.medvl.models.api.MedvlModels;
import picocli.CommandLine.Option;

/** The {@code --model} option of the index commands: which {@link ImageEmbedder} embeds images and query text. */
public final class ModelOption {
    @Option(names = {"-m", "--model"}, paramLabel = "MODEL",
            description = "Image-text model: 'thumbnail' (model-free pixel baseline, 32x32; 'thumbnail-N' for NxN) or a "
                    + "CLIP model directory (medvl checkpoint or ONNX export). Omit for a text-only (BM25) index or "
                    + "text-only search.")
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
        if (!Files.isDirectory(dir)) {
            throw new MedvlException("--model " + model + ": no such model directory (or use 'thumbnail')");
        }
        // a medvl CLIP checkpoint or an ONNX CLIP export; MedvlModels names the problem when it is neither
        return MedvlModels.openClip(dir);
    }
}
