package org.medvl.models.api;

/**
 * Anything that answers questions about images: a medvl VQA checkpoint or a remote vision-language model. Benchmarks
 * (VQA, CARES-style trust) run against this one interface, so local and remote models are scored identically.
 */
public interface QuestionAnswerer extends AutoCloseable {
    /** A short stable name for reports and cache keys, e.g. "remote:llava-med" or "medvl:vqa-rad-run1". */
    String name();

    /** Answers one question; may block on I/O; thread-safe. Failures are MedvlException with a clear message. */
    ModelAnswer answer(VisualQuestion question);

    @Override
    default void close() {
    }
}
