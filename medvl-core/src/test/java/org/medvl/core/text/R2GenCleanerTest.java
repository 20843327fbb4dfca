package org.medvl.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected strings worked out by hand from R2Gen's published cleaning steps (see the class comment). */
class R2GenCleanerTest {
    @Test
    void iuSplitsSentencesAndDeletesSlashes() {
        assertEquals("the heart is normal . no effusionpneumothorax . clear lungs .",
                R2GenCleaner.cleanIu("The heart is normal. No effusion/pneumothorax. 1. Clear lungs."));
    }

    @Test
    void listNumbersAndDoubleDots() {
        assertEquals("heart size normal . lungs clear .", R2GenCleaner.cleanIu("Heart size normal.. 2. Lungs clear."));
        assertEquals("a . b . c .", R2GenCleaner.cleanIu("1. A. 2. B. 3. C."));
    }

    @Test
    void characterClassIncludesTheColonToBracketRange() {
        // ':'..'[' removes : ; < = > ? @ and '['; hyphens and digits stay; '.' inside "3.5" goes
        assertEquals("t-12 level 35 cm stable xy  a b 50 .",
                R2GenCleaner.cleanIu("T-12 level: 3.5 cm (stable); x=y @ [a] {b} 50%."));
        assertEquals("ab .", R2GenCleaner.cleanIu("a<>b"));
    }

    @Test
    void emptySentencesAreKeptLikeTheOriginal() {
        assertEquals(" .", R2GenCleaner.cleanIu(""));
        assertEquals("normal .  . clear .", R2GenCleaner.cleanIu("Normal.. . Clear."));
        assertEquals("normal .  .", R2GenCleaner.cleanIu("Normal. . "));
    }

    @Test
    void iuKeepsLineBreaksMimicJoinsThem() {
        assertEquals("a\nb . c .", R2GenCleaner.cleanIu("A\nB. C"));
        assertEquals("findings heart size is normal no effusion .",
                R2GenCleaner.cleanMimic("FINDINGS:\n\nHeart  size is normal.__\n1. No effusion."));
    }

    @Test
    void mimicCollapsesUnderscoresAndSpaces() {
        assertEquals("the patient is  with a line . no pneumothorax .",
                R2GenCleaner.cleanMimic("The patient is ___ with a line....  No pneumothorax."));
    }

    @Test
    void pythonStripIncludesNoBreakSpace() {
        assertEquals("normal .", R2GenCleaner.cleanIu(" \u00a0Normal.\u00a0"));
        assertEquals(List.of("a", "", "b", ""), R2GenCleaner.splitLiteral("a. . b. ", ". "));
    }
}
