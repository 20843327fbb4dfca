package org.medvl.core.record;

import java.util.List;
import java.util.Objects;

/**
 * One visual question with its reference answer.
 *
 * @param id           unique within the dataset
 * @param image        the image asked about
 * @param question     the question text
 * @param answer       the reference answer
 * @param answerType   open or closed
 * @param questionType the dataset's question category (e.g. VQA-RAD "PRES", "MODALITY"), null when none
 * @param split        the split the dataset assigns
 * @param language     ISO 639-1 code ("en", "zh" for SLAKE's Chinese half)
 * @param options      answer options for multiple-choice sets (PMC-VQA, OmniMedVQA), else empty
 * @param demographics patient attributes, {@link Demographics#UNKNOWN} when absent
 */
public record VqaItem(String id, ImageRef image, String question, String answer, AnswerType answerType,
                      String questionType, Split split, String language, List<String> options,
                      Demographics demographics) {
    public VqaItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(answerType, "answerType");
        split = split == null ? Split.UNSPLIT : split;
        language = language == null ? "en" : language;
        options = options == null ? List.of() : List.copyOf(options);
        demographics = demographics == null ? Demographics.UNKNOWN : demographics;
    }

    public boolean isClosed() {
        return answerType == AnswerType.CLOSED;
    }
}
