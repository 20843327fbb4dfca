package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medvl.core.MedvlException;

class ZeroShotClassifierTest {
    /** Texts and images (by file name) looked up in one table of unit vectors. */
    private record Table(Map<String, float[]> rows, float scale) implements ClipEncoder {
        @Override
        public float[][] embedImages(List<Path> images) {
            return embedTexts(images.stream().map(Path::toString).toList());
        }

        @Override
        public float[][] embedTexts(List<String> texts) {
            return texts.stream().map(rows::get).toArray(float[][]::new);
        }

        @Override
        public float logitScale() {
            return scale;
        }

        @Override
        public void close() {
        }
    }

    // Class A's images lie in two clusters (a1, a2); class B's prompts straddle the image x = a1 closely enough that
    // B's mean embedding beats A's blurred mean, while a1 itself is A's own subclass.
    private static final Table TABLE = new Table(Map.of(
            "a1", new float[] {1, 0, 0},
            "a2", new float[] {0, 1, 0},
            "b1", new float[] {0.8f, 0, 0.6f},
            "b2", new float[] {0.8f, 0, -0.6f},
            "x", new float[] {1, 0, 0}), 10);

    private static Map<String, List<String>> prompts() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        p.put("A", List.of("a1", "a2"));
        p.put("B", List.of("b1", "b2"));
        return p;
    }

    @Test
    void meanScoresTheClassMeanEmbedding() {
        var p = new ZeroShotClassifier(TABLE, prompts()).classify(List.of(Path.of("x"))).get(0);
        assertEquals("B", p.label());
        // cosines: A's mean (0.707, 0.707, 0) -> 0.7071; B's mean (1, 0, 0) -> 1
        double a = Math.exp(10 * Math.sqrt(0.5));
        double b = Math.exp(10);
        assertEquals(b / (a + b), p.probability(), 1e-6);
    }

    @Test
    void sumAddsTheProbabilitiesOfEachClasssPrompts() {
        var p = new ZeroShotClassifier(TABLE, prompts(), ZeroShotClassifier.Aggregation.SUM)
                .classify(List.of(Path.of("x"))).get(0);
        assertEquals("A", p.label());
        double a = Math.exp(10) + Math.exp(0);
        double b = 2 * Math.exp(8);
        assertEquals(a / (a + b), p.probabilities().get("A"), 1e-6);
        assertEquals(b / (a + b), p.probabilities().get("B"), 1e-6);
    }

    @Test
    void oneCommandLineNamePerAggregation() {
        assertEquals(ZeroShotClassifier.Aggregation.SUM, ZeroShotPrompts.aggregation(" Sum"));
        assertEquals(ZeroShotClassifier.Aggregation.MEAN, ZeroShotPrompts.aggregation("mean"));
        var e = assertThrows(MedvlException.class, () -> ZeroShotPrompts.aggregation("max"));
        assertEquals("--prompt-aggregation must be mean or sum, got \"max\"", e.getMessage());
    }
}
