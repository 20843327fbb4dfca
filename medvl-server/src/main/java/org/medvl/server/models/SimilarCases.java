package org.medvl.server.models;

import java.nio.file.Path;
import java.util.List;

/**
 * The hook through which the workbench asks a similar-case index (issue 14, {@code medvl-index}) for cases like an
 * uploaded image. The server holds at most one; without one the "similar cases" panel says no index is loaded.
 * Implementations must be thread-safe and must not return identifying values (the index holds public or
 * de-identified datasets).
 */
public interface SimilarCases extends AutoCloseable {
    /** One retrieved case. */
    record Case(String id, double score, String text, String dataset, String split) {
    }

    /** A short name for the panel, e.g. "medpix-2.0 (clip-run1)". */
    String name();

    /** The {@code k} most similar cases to {@code image} (a de-identified DICOM or a raster file), best first. */
    List<Case> similarTo(Path image, int k);

    @Override
    default void close() {
    }
}
