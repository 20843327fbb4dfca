package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medvl.metrics.caption.CaptionStatistics.ItemStatistics;
import org.medvl.metrics.caption.CaptionStatistics.PreparedItem;

/**
 * The per-item parts, scored in three slices with separate instances (as three machines would) and added up, give
 * CaptionEvaluator's corpus scores on the parity data, every profile.
 */
class CaptionStatisticsTest {
    @Test
    void slicesAddUpToTheCorpusScores() throws Exception {
        ParityData d = ParityData.load();
        int n = d.hyps.size();
        Set<String> metrics = Set.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L", "CIDEr-D");
        for (Profile profile : Profile.values()) {
            PreparedItem[] items = new PreparedItem[n];
            Map<String, Integer> df = new HashMap<>();
            for (int i = 0; i < n; i++) {
                CaptionPair next = i + 1 < n ? new CaptionPair(d.refs.get(i + 1), d.hyps.get(i + 1)) : null;
                items[i] = CaptionStatistics.prepare(profile, R2GenPreparation.iu(),
                        new CaptionPair(d.refs.get(i), d.hyps.get(i)), next);
                CaptionStatistics.referenceNgrams(items[i]).forEach(g -> df.merge(g, 1, Integer::sum));
            }
            long[] bleu = new long[CaptionStatistics.BLEU_FIELDS];
            double rouge = 0;
            double cider = 0;
            int[] cuts = {0, 101, 377, n};
            for (int s = 0; s + 1 < cuts.length; s++) {
                CaptionStatistics slice = new CaptionStatistics(g -> df.getOrDefault(g, 0), n);
                for (int i = cuts[s]; i < cuts[s + 1]; i++) {
                    ItemStatistics st = slice.score(items[i]);
                    CaptionStatistics.addBleu(bleu, st.bleu());
                    rouge += st.rougeL();
                    cider += st.ciderD();
                }
            }
            CaptionScores expected = new CaptionEvaluator().evaluate(d.refs, d.hyps, profile, metrics);
            double[] b = CaptionStatistics.bleuScores(bleu);
            for (int k = 0; k < 4; k++) {
                assertEquals(expected.corpus().get("BLEU-" + (k + 1)), b[k], 1e-12, profile + " BLEU-" + (k + 1));
            }
            assertEquals(expected.corpus().get("ROUGE-L"), rouge / n, 1e-12, profile + " ROUGE-L");
            assertEquals(expected.corpus().get("CIDEr-D"), cider / n, 1e-12, profile + " CIDEr-D");
            // an item's own statistics give its own scores
            ItemStatistics one = new CaptionStatistics(g -> df.getOrDefault(g, 0), n).score(items[1]);
            assertEquals(expected.items().get(1).get("BLEU-4"), CaptionStatistics.bleuScores(one.bleu())[3], 1e-12);
            assertEquals(expected.items().get(1).get("CIDEr-D"), one.ciderD(), 1e-12);
        }
    }

    @Test
    void withoutDocumentFrequenciesCiderIsNotComputed() {
        ItemStatistics s = new CaptionStatistics().score(new PreparedItem(List.of("a b c"), "a b"));
        assertEquals(Double.NaN, s.ciderD());
        assertEquals(2, s.bleu()[0]);
        assertEquals(3, s.bleu()[1]);
    }
}
