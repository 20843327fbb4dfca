package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Scoring the same corpus again gives bit-identical scores: token and n-gram ids order CIDEr-D's floating-point
 * sums, so they must not depend on which thread reaches a word first (the demo compares re-run metrics exactly).
 */
class EvaluationDeterminismTest {
    @Test
    void repeatedEvaluationsAreBitIdentical() {
        SplittableRandom rng = new SplittableRandom(5);
        List<List<String>> refs = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            refs.add(List.of(sentence(rng), sentence(rng)));
            hyps.add(sentence(rng));
        }
        Set<String> metrics = Set.of("BLEU-4", "ROUGE-L", "CIDEr-D");
        CaptionScores first = new CaptionEvaluator().evaluate(refs, hyps, Profile.PLAIN, metrics);
        for (int run = 0; run < 4; run++) {
            CaptionScores again = new CaptionEvaluator().evaluate(refs, hyps, Profile.PLAIN, metrics);
            assertEquals(first.corpus(), again.corpus(), "run " + run);
            for (int i = 0; i < hyps.size(); i++) {
                assertEquals(first.items().get(i), again.items().get(i), "run " + run + ", item " + i);
            }
        }
    }

    /** Words from a large vocabulary, so that many texts bring words no other text has yet numbered. */
    private static String sentence(SplittableRandom rng) {
        StringBuilder b = new StringBuilder();
        int n = 4 + rng.nextInt(20);
        for (int w = 0; w < n; w++) {
            b.append(w == 0 ? "" : " ").append("w").append(Integer.toString(rng.nextInt(20000), 36));
        }
        return b.toString();
    }
}
