package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeteorTest {
    private static final Meteor EXACT_STEM = Meteor.standard().withoutSynonyms();

    private static double score(Meteor m, String ref, String hyp) {
        return m.score(List.of(List.of(ref)), List.of(hyp)).items()[0];
    }

    @Test
    void identicalIsOneAndEmptyIsZero() {
        assertEquals(1.0, score(EXACT_STEM, "no pleural effusion", "no pleural effusion"), 0.0);
        assertEquals(0.0, score(EXACT_STEM, "no pleural effusion", ""), 0.0);
    }

    @Test
    void handComputedExactOnlyExample() {
        // ref "heart size normal" (3 content words), hyp "heart normal" (2 content words): 2 exact matches in 2
        // chunks ("heart" and "normal" are not adjacent in the reference).
        // P = 2/2, R = 2/3; Fmean = 1 / (0.15 / P + 0.85 / R); frag = 2 / 2; score = Fmean * (1 - 0.6 * 1^0.2)
        double p = 1.0;
        double r = 2.0 / 3.0;
        double fMean = 1.0 / (0.15 / p + 0.85 / r);
        assertEquals(fMean * (1 - 0.6), score(EXACT_STEM, "heart size normal", "heart normal"), 1e-12);
    }

    @Test
    void stemStageMatchesInflections() {
        double withStem = score(EXACT_STEM, "bilateral effusions", "bilateral effusion");
        assertTrue(withStem > 0.5, "stem match expected, got " + withStem);
        Meteor.Result r = EXACT_STEM.score(List.of(List.of("a")), List.of("a"));
        assertTrue(r.note().contains("stem (Snowball English)") && !r.note().contains("synonym"), r.note());
    }

    @Test
    void synonymStageUsesWordNet() {
        Meteor full = Meteor.standard();
        double exact = score(EXACT_STEM, "large effusion", "big effusion");
        double syn = score(full, "large effusion", "big effusion");
        assertTrue(syn > exact, "synonym match expected: " + exact + " vs " + syn);
    }

    @Test
    void paraphraseTableFromUserFile(@TempDir Path dir) throws IOException {
        Path table = Files.writeString(dir.resolve("para.txt"), "0.5\nheart size\ncardiac silhouette\n");
        Meteor m = EXACT_STEM.withParaphrases(table);
        double without = score(EXACT_STEM, "normal heart size", "normal cardiac silhouette");
        double with = score(m, "normal heart size", "normal cardiac silhouette");
        assertTrue(with > without, without + " vs " + with);
        assertTrue(m.note().contains("paraphrase (paraphrase table para.txt"), m.note());
    }

    @Test
    void wordOrderCostsFragmentation() {
        assertTrue(score(EXACT_STEM, "small left pleural effusion", "small left pleural effusion")
                > score(EXACT_STEM, "small left pleural effusion", "effusion pleural left small"));
    }

    @Test
    void corpusScoreUsesSummedStatisticsNotTheMean() {
        Meteor.Result r = EXACT_STEM.score(List.of(List.of("heart size normal"), List.of("a b c d e f g h")),
                List.of("heart normal", "a b c d e f g h"));
        double mean = (r.items()[0] + r.items()[1]) / 2;
        assertTrue(Math.abs(r.corpus() - mean) > 1e-6, "corpus " + r.corpus() + " vs mean " + mean);
    }
}
