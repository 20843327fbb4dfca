package org.medvl.models.api;

import java.util.List;
import java.util.Objects;

/**
 * A model's answer.
 *
 * @param text         the answer text as the model produced it
 * @param probability  the model's probability for the answer, or NaN when the model gives none (remote LLMs)
 * @param alternatives other candidates with their probabilities, best first; empty when unknown
 */
public record ModelAnswer(String text, double probability, List<Alternative> alternatives) {
    /** A candidate answer with its probability. */
    public record Alternative(String text, double probability) {
    }

    public ModelAnswer {
        Objects.requireNonNull(text, "text");
        alternatives = alternatives == null ? List.of() : List.copyOf(alternatives);
    }

    public static ModelAnswer text(String text) {
        return new ModelAnswer(text, Double.NaN, List.of());
    }
}
