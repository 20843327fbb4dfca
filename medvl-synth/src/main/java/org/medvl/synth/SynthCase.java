package org.medvl.synth;

import java.util.List;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;

/**
 * One synthetic case: the image, its ground truth, its report and its VQA pairs.
 *
 * @param id        "synth-000001"
 * @param index     0-based index in the generated sequence
 * @param split     the split it belongs to
 * @param imagePath the path the records refer to (relative to the dataset folder when written by
 *                  {@link SynthDatasetWriter})
 * @param findings  ground truth
 * @param anatomy   habitus, positioning and exposure drawn for it
 * @param image     the pixels and masks
 * @param report    FINDINGS and IMPRESSION written from the ground truth
 * @param vqa       question-answer pairs about the image
 */
public record SynthCase(String id, int index, Split split, String imagePath, Findings findings, Anatomy anatomy,
                        SynthImage image, ReportSections report, List<VqaItem> vqa) {
    public SynthCase {
        vqa = List.copyOf(vqa);
    }

    /** The image as medvl's core record (a frontal PA chest radiograph). */
    public ImageRef imageRef() {
        return imageRef(id, imagePath);
    }

    static ImageRef imageRef(String id, String path) {
        return new ImageRef(id, path, "CR", "CHEST", "PA");
    }

    /** The case as a report study, tagged with its positive CheXpert observations (the ground truth). */
    public ReportStudy study() {
        return new ReportStudy(id, List.of(imageRef()), report, List.copyOf(findings.positiveLabels()), split, "en",
                null);
    }
}
