package org.medvl.metrics.caption;

import java.util.List;
import java.util.Map;

/**
 * The result of a caption evaluation.
 *
 * @param profile the profile the texts were prepared with
 * @param corpus corpus score per metric, in output order (BLEU and METEOR from summed statistics, ROUGE-L and
 *     CIDEr-D as means of the item scores)
 * @param items scores per item, in input order, each keyed like {@code corpus}
 * @param notes what a reader must know to compare the numbers, e.g. which METEOR matcher stages ran
 */
public record CaptionScores(Profile profile, Map<String, Double> corpus, List<Map<String, Double>> items,
        List<String> notes) {
}
