package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
