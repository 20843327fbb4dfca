package org.medvl.metrics.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VqaMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void normalisationLowercasesStripsPunctuationAndArticles() {
        assertEquals("left lung", VqaMetrics.normalize("The  Left Lung!"));
        assertEquals("x ray", VqaMetrics.normalize("An X-ray."));
        assertEquals("yes", VqaMetrics.normalize(" Yes. "));
        assertEquals("", VqaMetrics.normalize("the"));
    }

    @Test
    void handComputedClosedOpenOverall() {
        List<VqaItem> items = List.of(
                VqaItem.of("1", true, "yes", "Yes"),
                VqaItem.of("2", true, "no", "No."),
                VqaItem.of("3", true, "yes", "no"),
                VqaItem.of("4", false, "left lung", "the left lung"),
                VqaItem.of("5", false, "right upper lobe", "upper lobe"));
        var r = VqaMetrics.evaluate(items);
        assertEquals(2.0 / 3, r.closedAccuracy().value(), EPS);
        assertEquals(3, r.closedAccuracy().n());
        assertEquals(0.5, r.openExactMatch().value(), EPS);
        assertEquals((1 + 2.0 / 3) / 2, r.openTokenRecall().value(), EPS); // 3 of 3, then 2 of 3 tokens
        assertEquals(3.0 / 5, r.overall().value(), EPS);
        assertEquals(0, r.multipleChoiceAccuracy().n());
        assertEquals(0.0, r.adversarialPairAccuracy().value(), EPS); // no pairs: 0 with n = 0
    }

    @Test
    void tokenRecallCountsDistinctReferenceTokens() {
        assertEquals(1.0, VqaMetrics.tokenRecall("lung lung", "the lung"), EPS);
        assertEquals(0.0, VqaMetrics.tokenRecall("heart", ""), EPS);
        assertEquals(1.0, VqaMetrics.tokenRecall("the", "a"), EPS); // both empty after normalisation
    }

    @Test
    void difflibRatiosMatchPython() {
        // Expected values printed by CPython 3 difflib.SequenceMatcher(None, a, b).ratio().
        assertEquals(0.9696969696969697, SequenceMatcher.ratio("pleural effusion", "pleural effusions"), EPS);
        assertEquals(0.6956521739130435, SequenceMatcher.ratio("i think it is pleural effusion", "pleural effusion"),
                EPS);
        assertEquals(0.19047619047619047, SequenceMatcher.ratio("i think it is pleural effusion", "pneumothorax"), EPS);
        assertEquals(0.75, SequenceMatcher.ratio("abcd", "bcde"), EPS);
        assertEquals(0.0, SequenceMatcher.ratio("", "abc"), EPS);
        assertEquals(1.0, SequenceMatcher.ratio("", ""), EPS);
    }

    @Test
    void difflibAutojunkOnLongStringsMatchesPython() {
        String a = "the ".repeat(60) + "heart is enlarged with small bilateral effusions";
        String b = "the ".repeat(55) + "heart size is normal and there is no effusion or pneumothorax seen today";
        assertEquals(0.8, SequenceMatcher.ratio(a, b), EPS);
        assertEquals(0.004, SequenceMatcher.ratio("aaaaabbbbbcccccdddddeeeee".repeat(10), "abcde".repeat(50)), EPS);
    }

    @Test
    void multipleChoiceMapsFreeTextToTheClosestOption() {
        List<String> options = List.of("Pleural effusion", "Pneumothorax", "Cardiomegaly");
        assertEquals("Pleural effusion", VqaMetrics.matchOption("I think it is a pleural effusion", options));
        assertEquals("Pneumothorax", VqaMetrics.matchOption("pneumothorax.", options));
        var item = new VqaItem("1", "modality", true, "Pleural effusion", "probably pleural effusions", options, null);
        var r = VqaMetrics.evaluate(List.of(item, new VqaItem("2", "modality", true, "Cardiomegaly", "pneumothorax",
                options, null)));
        assertEquals(0.5, r.multipleChoiceAccuracy().value(), EPS);
        assertEquals(0.5, r.perQuestionType().get("modality").accuracy().value(), EPS);
    }

    @Test
    void probMedPairCountsOnlyWhenBothTwinsAreRight() {
        var r = VqaMetrics.evaluate(List.of(
                new VqaItem("a1", null, true, "yes", "yes", List.of(), "A"),
                new VqaItem("a2", null, true, "no", "no", List.of(), "A"),
                new VqaItem("b1", null, true, "yes", "yes", List.of(), "B"),
                new VqaItem("b2", null, true, "no", "yes", List.of(), "B")));
        assertEquals(0.5, r.adversarialPairAccuracy().value(), EPS);
        assertEquals(2, r.adversarialPairAccuracy().n());
        assertEquals(0.75, r.overall().value(), EPS);
    }
}
