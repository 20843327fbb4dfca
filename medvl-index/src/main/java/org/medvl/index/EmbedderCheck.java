package org.medvl.index;

import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ImageEmbedder;

/** Refuses to mix embeddings of different models: vectors of two models are not comparable. */
final class EmbedderCheck {
    private EmbedderCheck() {
    }

    static void forWriting(IndexMeta meta, ImageEmbedder embedder, Path dir) {
        if (!meta.hasVectors()) {
            if (embedder != null) {
                throw new MedvlException("index " + dir + " was built without image embeddings (text only); rebuild "
                        + "it with a model to add images");
            }
            return;
        }
        if (embedder == null) {
            throw new MedvlException("index " + dir + " holds embeddings of model '" + meta.embedder()
                    + "': pass that model to update it");
        }
        matches(meta, embedder, dir);
    }

    /** For reading an embedder is optional (text-only queries need none), but if given it must match. */
    static void forReading(IndexMeta meta, ImageEmbedder embedder, Path dir) {
        if (embedder != null && meta.hasVectors()) {
            matches(meta, embedder, dir);
        }
    }

    private static void matches(IndexMeta meta, ImageEmbedder embedder, Path dir) {
        if (!meta.embedder().equals(embedder.name()) || meta.dimension() != embedder.dimension()) {
            throw new MedvlException("index " + dir + " was built with model '" + meta.embedder() + "' ("
                    + meta.dimension() + "-d) but the model given is '" + embedder.name() + "' ("
                    + embedder.dimension() + "-d): use the same model or rebuild the index");
        }
    }
}
