package org.medvl.index;

import java.util.Objects;

/**
 * One searchable unit: an image with its caption and, where the dataset links it to a case, the case report.
 *
 * @param id        unique id within the index; adding a case with an existing id replaces it
 * @param imagePath the image file (used for image embedding and shown as the hit's thumbnail); null for text-only
 * @param caption   the image's caption, "" when none
 * @param report    the case report text, "" when none
 * @param diagnosis the case diagnosis, "" when none (used by evaluation to judge same-diagnosis hits)
 * @param modality  e.g. "CT", "MR"; null when unknown
 * @param bodyPart  e.g. "Chest, Pulmonary"; null when unknown
 * @param split     split id ("train", "validation", "test", "unsplit")
 * @param caseId    the case or study the image belongs to; null when the dataset has no cases
 * @param dataset   the dataset name the case came from
 */
public record IndexedCase(String id, String imagePath, String caption, String report, String diagnosis,
                          String modality, String bodyPart, String split, String caseId, String dataset) {
    public IndexedCase {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("indexed case id must not be blank");
        }
        caption = caption == null ? "" : caption;
        report = report == null ? "" : report;
        diagnosis = diagnosis == null ? "" : diagnosis;
        split = split == null ? "unsplit" : split;
        dataset = dataset == null ? "" : dataset;
    }
}
