package org.medvl.models.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A question about one image, as any answering model (a medvl VQA model or a remote vision-language model) receives
 * it.
 *
 * @param id       stable id, used to cache answers and resume runs
 * @param image    the image file (PNG/JPEG/DICOM); null for text-only prompts (safety and privacy probes)
 * @param question the question text
 * @param options  answer options for multiple-choice questions, else empty
 */
public record VisualQuestion(String id, Path image, String question, List<String> options) {
    public VisualQuestion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static VisualQuestion of(String id, Path image, String question) {
        return new VisualQuestion(id, image, question, List.of());
    }
}
