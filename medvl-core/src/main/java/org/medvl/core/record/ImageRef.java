package org.medvl.core.record;

import java.util.Objects;

/**
 * A reference to one image file of a dataset; decoding is left to medvl-image.
 *
 * @param id       the dataset's image id (file stem when it has none)
 * @param path     the file path, absolute or relative to the working directory
 * @param modality e.g. "CT", "MR", "CR", "XR"; null when unknown
 * @param bodyPart e.g. "CHEST", "HEAD"; null when unknown
 * @param view     view position or plane, e.g. "PA", "axial"; null when unknown
 */
public record ImageRef(String id, String path, String modality, String bodyPart, String view) {
    public ImageRef {
        Objects.requireNonNull(id, "image id");
        Objects.requireNonNull(path, "image path");
    }

    public static ImageRef of(String id, String path) {
        return new ImageRef(id, path, null, null, null);
    }
}
