package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetrievalScoresTest {
    private static final float[][] IMAGES = {{1, 0}, {0.8f, 0.6f}};
    // text 0 is the nearest text of both images: a hub
    private static final float[][] TEXTS = {{0.9f, 0.436f}, {0.28f, 0.96f}};

    @Test
    void plainScoresRankByCosine() {
        Map<String, Double> r = RetrievalScores.compute(IMAGES, TEXTS);
        assertEquals(0.5, r.get("image_to_text_R@1"), 1e-12); // image 1 retrieves text 0 first
        assertEquals(0.5, r.get("random_R@1"), 1e-12);
    }

    @Test
    void aBankThatFavoursTheHubLowersItForImageQueries() {
        float[][] bankImages = {{0.9f, 0.436f}, {0.95f, 0.312f}};
        float[][] bankTexts = TEXTS.clone();
        Map<String, Double> q = RetrievalScores.compute(IMAGES, TEXTS, bankImages, bankTexts, 20);
        assertEquals(1.0, q.get("image_to_text_R@1"), 1e-12);
    }

    @Test
    void aBankEquidistantFromTheGalleryChangesNothing() {
        // every bank vector has the same cosine with both texts and with both images: the normaliser is constant
        float[][] images = {{1, 0}, {0, 1}};
        float[][] texts = {{0.6f, 0.8f}, {0.8f, 0.6f}};
        float[][] bank = {{0.70710677f, 0.70710677f}};
        Map<String, Double> raw = RetrievalScores.compute(images, texts);
        Map<String, Double> q = RetrievalScores.compute(images, texts, bank, bank, 20);
        assertEquals(raw, q);
    }

    @Test
    void identicalTextsCountAsOneTextMatchingEachOfItsImages() {
        float[][] images = {{1, 0}, {0.8f, 0.6f}, {0, 1}};
        // pairs 0 and 1 carry the same text; its embedding is nearer image 1 than image 0
        float[][] texts = {{0.6f, 0.8f}, {0.6f, 0.8f}, {0, 1}};
        List<String> strings = List.of("CT Axial. Mass.", "CT Axial. Mass.", "MR Sagittal. Normal.");
        Map<String, Double> strict = RetrievalScores.compute(images, texts);
        Map<String, Double> grouped = RetrievalScores.computeIdenticalTextsMatched(images, texts, strings);
        assertEquals(2.0, grouped.get("distinct_texts"));
        // image->text over 2 distinct texts: image 0 scores 0.6 vs 0 -> its text first; image 1 0.96 vs 0.6 -> first;
        // image 2 scores 0.8 vs 1 -> its own text first
        assertEquals(1.0, grouped.get("image_to_text_R@1"), 1e-12);
        // text "CT Axial. Mass." matches images 0 and 1: image 1 (0.96) is first; "MR Sagittal." -> image 2 (1.0)
        assertEquals(1.0, grouped.get("text_to_image_R@1"), 1e-12);
        // the strict index match counts text 0's best image (image 1, 0.96) as a miss
        assertEquals(2.0 / 3, strict.get("text_to_image_R@1"), 1e-12);
        assertEquals(0.5, grouped.get("random_image_to_text_R@1"), 1e-12);
        // text with 2 of 3 images: 2/3 at K 1; text with 1 of 3: 1/3
        assertEquals(0.5, grouped.get("random_text_to_image_R@1"), 1e-12);
        assertEquals(1.0, grouped.get("random_text_to_image_R@5"), 1e-12);
    }
}
