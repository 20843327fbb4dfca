package org.medvl.models.api;

import java.nio.file.Path;
import java.util.List;

/** Writes a draft report for one study (one or more images of one case). Thread-safe. */
public interface ReportWriter extends AutoCloseable {
    /** A short stable name for reports, logs and cache keys. */
    String name();

    /** The generated report text for the images of one study. */
    String writeReport(List<Path> images);

    @Override
    default void close() {
    }
}
