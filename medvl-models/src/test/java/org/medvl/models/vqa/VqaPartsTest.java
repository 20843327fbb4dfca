package org.medvl.models.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.VqaItem;

class VqaPartsTest {
    @TempDir
    Path tmp;

    @Test
    void answerVocabularyMergesSpellingsAndDropsRareAnswers() {
        List<VqaItem> items = List.of(item("1", "a", "Yes"), item("2", "a", "yes."), item("3", "b", "No"),
                item("4", "b", "no"), item("5", "c", "yes"), item("6", "c", "Left lung"));
        AnswerVocabulary v = AnswerVocabulary.build(items, 2);
        assertEquals(List.of("yes", "no"), v.answers());
        assertEquals(List.of(3, 2), v.counts());
        assertEquals(0, v.indexOf("YES!"));
        assertEquals(-1, v.indexOf("left lung"));
        assertThrows(MedvlException.class, () -> AnswerVocabulary.build(items, 10));
    }

    @Test
    void questionFormTellsClosedFromOpen() {
        assertTrue(QuestionForm.looksClosed("Is there a pneumothorax?"));
        assertTrue(QuestionForm.looksClosed("  are the kidneys normal?"));
        assertTrue(QuestionForm.looksClosed("Does this show a fracture?"));
        assertFalse(QuestionForm.looksClosed("What organ is shown?"));
        assertFalse(QuestionForm.looksClosed("Island of Reil: where?"));
    }

    @Test
    void heldOutPartIsImageDisjointSeededAndComplete() {
        List<VqaItem> items = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            items.add(item("q" + i, "img" + (i % 25), i % 2 == 0 ? "yes" : "no"));
        }
        List<VqaItem> rest = VqaData.imageDisjoint(items, 0.2, 5, VqaData.Part.REST);
        List<VqaItem> held = VqaData.imageDisjoint(items, 0.2, 5, VqaData.Part.HELD_OUT);
        assertEquals(100, rest.size() + held.size());
        assertEquals(20, held.size(), "5 of 25 images, 4 questions each");
        Set<String> a = new HashSet<>(rest.stream().map(i -> i.image().path()).toList());
        assertTrue(held.stream().noneMatch(i -> a.contains(i.image().path())));
        List<VqaItem> reversed = new java.util.ArrayList<>(items);
        java.util.Collections.reverse(reversed);
        assertEquals(new HashSet<>(held), new HashSet<>(VqaData.imageDisjoint(reversed, 0.2, 5,
                VqaData.Part.HELD_OUT)), "order does not matter");
        assertTrue(!new HashSet<>(held).equals(new HashSet<>(VqaData.imageDisjoint(items, 0.2, 6,
                VqaData.Part.HELD_OUT))), "another seed holds out other images");
        assertThrows(MedvlException.class, () -> VqaData.imageDisjoint(items, 1.5, 5, VqaData.Part.REST));
    }

    @Test
    void unknownDatasetNamesAreClearErrors() {
        MedvlException e = assertThrows(MedvlException.class, () -> VqaData.load("no-such-set:" + tmp, 0));
        assertTrue(e.getMessage().contains("no-such-set"), e.getMessage());
    }

    private static VqaItem item(String id, String image, String answer) {
        boolean closed = answer.toLowerCase().startsWith("yes") || answer.toLowerCase().startsWith("no");
        return new VqaItem(id, ImageRef.of(image, "/data/" + image + ".png"), "q " + id, answer,
                closed ? AnswerType.CLOSED : AnswerType.OPEN, null, null, null, null, null);
    }
}
