package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class R2GenPreparationTest {
    // a stand-in cleaner: the real one is R2Gen's, in medvl-core
    private static final R2GenPreparation LOWER = R2GenPreparation.iu()
            .withCleaner(s -> s.toLowerCase(Locale.ROOT).replace(".", " .").trim());

    @Test
    void rareTrainingWordsBecomeUnkInReferencesOnly() {
        R2GenPreparation p = LOWER.withVocabulary(List.of("heart normal.", "heart normal.", "heart normal.",
                "lungs clear.", "lungs clear."), 3);
        assertEquals(List.of(List.of("heart normal <unk> <unk> .")), p.references(List.of(List.of("Heart normal lungs clear."))));
        assertEquals(List.of("heart normal lungs clear ."), p.hypotheses(List.of("Heart normal lungs clear.")));
    }

    @Test
    void maxLengthCountsTheBosToken() {
        R2GenPreparation p = LOWER.withMaxLength(4);
        assertEquals(List.of(List.of("a b c")), p.references(List.of(List.of("a b c d e"))));
        assertThrows(IllegalArgumentException.class, () -> LOWER.withMaxLength(1));
        assertThrows(IllegalArgumentException.class, () -> LOWER.withVocabulary(List.of("a"), 0));
    }

    @Test
    void defaultProfileUsesR2GensIuCleaning() {
        // R2Gen's cleaning lower-cases, drops '/' and most punctuation: both sides become the same text
        CaptionScores s = new CaptionEvaluator(Meteor.standard().withoutSynonyms(), R2GenPreparation.iu()).evaluate(
                List.of(List.of("The heart is normal. No effusion/pneumothorax.")),
                List.of("the heart is NORMAL. no effusionpneumothorax"), Profile.R2GEN, java.util.Set.of());
        assertEquals(1.0, s.corpus().get("ROUGE-L"), 0.0);
        assertEquals(1.0, s.corpus().get("METEOR"), 0.0);
        assertEquals(1.0, s.corpus().get("BLEU-4"), 1e-8);
        assertEquals(List.of("heart size normal ."), R2GenPreparation.iu().hypotheses(List.of("Heart size normal.")));
    }

    @Test
    void r2genProfileScoresCleanedText() {
        CaptionEvaluator e = new CaptionEvaluator(Meteor.standard().withoutSynonyms(), LOWER);
        CaptionScores s = e.evaluate(List.of(List.of("Heart Normal.")), List.of("heart normal."), Profile.R2GEN,
                java.util.Set.of());
        assertEquals(List.of("BLEU-1", "BLEU-2", "BLEU-3", "BLEU-4", "METEOR", "ROUGE-L"),
                List.copyOf(s.corpus().keySet()));
        assertEquals(1.0, s.corpus().get("ROUGE-L"), 0.0);
    }
}
