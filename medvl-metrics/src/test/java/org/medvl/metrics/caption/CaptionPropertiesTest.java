package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties the metric definitions guarantee, on random report-like texts. */
class CaptionPropertiesTest {
    private static final List<String> WORDS = List.of("the", "heart", "is", "normal", "in", "size", "no", "focal",
            "consolidation", "pleural", "effusion", "pneumothorax", "lungs", "are", "clear", "mild", "cardiomegaly",
            "there", "of", "right", "left", "lower", "lobe", "opacity", "stable", "xxxx", "3.5", "cm", "nodule");
    private static final Set<String> NGRAM = Set.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L", "CIDEr-D");
    private static final CaptionEvaluator EVALUATOR = new CaptionEvaluator(Meteor.standard().withoutSynonyms(),
            R2GenPreparation.iu());

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.of(WORDS).list().ofMinSize(0).ofMaxSize(25).map(w -> String.join(" ", w));
    }

    @Provide
    Arbitrary<List<String>> refs() {
        return text().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Item>> corpus() {
        return Combinators.combine(refs(), text()).as(Item::new).list().ofMinSize(1).ofMaxSize(12);
    }

    record Item(List<String> refs, String hyp) {
    }

    @Property(tries = 60)
    void scoresAreBounded(@ForAll("corpus") List<Item> items) {
        CaptionScores s = score(items, Set.of());
        for (Map<String, Double> row : s.items()) {
            row.forEach((m, v) -> {
                double max = m.equals("CIDEr-D") ? 10.0 : 1.0;
                assertTrue(v >= 0 && v <= max + 1e-12, m + " = " + v);
            });
        }
        s.corpus().forEach((m, v) -> assertTrue(v >= 0 && v <= (m.equals("CIDEr-D") ? 10.0 : 1.0) + 1e-12,
                m + " corpus = " + v));
    }

    @Property(tries = 60)
    void identicalTextsScoreTheMaximum(@ForAll("text") String text) {
        if (text.split(" ").length < 4) {
            return; // BLEU-4 needs four words to have a 4-gram
        }
        CaptionScores s = EVALUATOR.evaluate(List.of(List.of(text)), List.of(text), Profile.PLAIN,
                Set.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "ROUGE-L", "METEOR"));
        Map<String, Double> row = s.items().get(0);
        for (String m : List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4")) {
            // no smoothing: (n + 1e-15) / (n + 1e-9) per order, so a perfect match is 1 - O(1e-9)
            assertEquals(1.0, row.get(m), 1e-8, m);
        }
        assertEquals(1.0, row.get("ROUGE-L"), 0.0);
        assertEquals(1.0, row.get("METEOR"), 1e-12);
    }

    @Property(tries = 40)
    void itemOrderDoesNotChangeCorpusScores(@ForAll("corpus") List<Item> items, @ForAll @IntRange(max = 1000) int seed) {
        List<Item> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(seed));
        CaptionScores a = score(items, NGRAM);
        CaptionScores b = score(shuffled, NGRAM);
        for (String m : List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4")) {
            assertEquals(a.corpus().get(m), b.corpus().get(m), 0.0, m); // sums of integers: exactly equal
        }
        assertEquals(a.corpus().get("ROUGE-L"), b.corpus().get("ROUGE-L"), 1e-12);
        assertEquals(a.corpus().get("CIDEr-D"), b.corpus().get("CIDEr-D"), 1e-12);
    }

    @Property(tries = 100)
    void longestCommonSubsequenceIsSymmetric(@ForAll("text") String a, @ForAll("text") String b) {
        int[][] t = SpaceTokens.of(a, List.of(b));
        assertEquals(RougeL.lcs(t[0], t[1]), RougeL.lcs(t[1], t[0]));
    }

    @Property(tries = 60)
    void ciderDocumentFrequencyTreatsReferencesAsOneDocumentPerItem(@ForAll("text") String ref,
            @ForAll("text") String hyp) {
        // duplicating an item's reference changes neither df nor its mean similarity
        CaptionScores one = EVALUATOR.evaluate(List.of(List.of(ref), List.of("x y z")), List.of(hyp, "x y"),
                Profile.PLAIN, Set.of("CIDEr-D"));
        CaptionScores two = EVALUATOR.evaluate(List.of(List.of(ref, ref), List.of("x y z")), List.of(hyp, "x y"),
                Profile.PLAIN, Set.of("CIDEr-D"));
        assertEquals(one.items().get(0).get("CIDEr-D"), two.items().get(0).get("CIDEr-D"), 1e-12);
    }

    private static CaptionScores score(List<Item> items, Set<String> metrics) {
        List<List<String>> refs = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        items.forEach(it -> {
            refs.add(it.refs());
            hyps.add(it.hyp());
        });
        return EVALUATOR.evaluate(refs, hyps, Profile.PLAIN, metrics);
    }
}
