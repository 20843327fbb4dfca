package org.medvl.data;

import java.util.List;
import java.util.Objects;

/**
 * A registry entry: what a dataset is, as the field's survey tables describe it, and how medvl reads it.
 *
 * @param name     the registry name used in {@code NAME:PATH}
 * @param title    the dataset's published name
 * @param category "image-caption" (pairs and report studies), "vqa" or "manifest"
 * @param domain   e.g. "radiology", "pathology", "ophthalmology", "biomedical literature"
 * @param modality e.g. "CT, MR, X-ray", "chest X-ray", "fundus"
 * @param images   image count as published (text, since sources round differently)
 * @param texts    text count as published: captions, reports or QA pairs
 * @param language languages of the text
 * @param source   where the images and text come from
 * @param licence  the licence or access terms
 * @param homepage where to download it
 * @param paper    the paper that introduced it
 * @param layout   the files the loader reads, relative to the dataset folder
 * @param aliases  other accepted names
 * @param loader   how to open it; null when medvl cannot load it
 */
public record DatasetInfo(String name, String title, String category, String domain, String modality, String images,
                          String texts, String language, String source, String licence, String homepage, String paper,
                          String layout, List<String> aliases, Loader loader) {
    public DatasetInfo {
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public boolean loadable() {
        return loader != null;
    }

    /** Opens a dataset of this kind; implemented by each format's loader. */
    @FunctionalInterface
    public interface Loader {
        Dataset open(LoadContext context);
    }
}
