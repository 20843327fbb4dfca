package org.medvl.models.api;

import java.nio.file.Path;
import java.util.List;

/** Scores an image against class labels described by text prompts. Thread-safe. */
public interface ZeroShotClassifier extends AutoCloseable {
    /** One label with its probability. */
    record LabelScore(String label, double probability) {
    }

    String name();

    /** The labels with probabilities summing to 1, best first. */
    List<LabelScore> classify(Path image, List<String> labels);

    @Override
    default void close() {
    }
}
