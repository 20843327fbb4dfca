package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            "x", new float[] {1, 0, 0},
            "y", new float[] {0.8f, 0, 0.6f}), 10);

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
    void calibrationFitsOffsetsSoTheMeanProbabilityOfEachClassIsItsShare() {
        ZeroShotClassifier plain = new ZeroShotClassifier(TABLE, prompts());
        assertEquals(Map.of("A", 0.0, "B", 0.0), plain.offsets());
        List<Path> images = List.of(Path.of("x"), Path.of("y"));
        // both lean to B, x by 2.93 logits and y by 2.34, so calibrating on x = B, y = A moves the odds to A
        ZeroShotClassifier calibrated = plain.calibrated(plain.logits(images), List.of("b", "A"));
        assertTrue(calibrated.offsets().get("A") > 0);
        assertEquals(0, calibrated.offsets().get("A") + calibrated.offsets().get("B"), 1e-9);
        var p = calibrated.classify(images);
        assertEquals(0.5, (p.get(0).probabilities().get("A") + p.get(1).probabilities().get("A")) / 2, 1e-7);
        assertEquals(List.of("B", "A"), p.stream().map(ZeroShotClassifier.Prediction::label).toList());
        assertEquals("B", plain.classify(images).get(1).label(), "the plain classifier is left as it was");
    }

    @Test
    void givenOffsetsShiftTheLogitsOfTheirClass() {
        ZeroShotClassifier plain = new ZeroShotClassifier(TABLE, prompts());
        // x leans to B by 10 * (1 - sqrt(0.5)) = 2.93 logits; an offset of 3 on A turns it over
        ZeroShotClassifier shifted = plain.withOffsets(Map.of("A", 3.0, "B", 0.0));
        var p = shifted.classify(List.of(Path.of("x"))).get(0);
        assertEquals("A", p.label());
        double a = Math.exp(10 * Math.sqrt(0.5) + 3);
        double b = Math.exp(10);
        assertEquals(a / (a + b), p.probability(), 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> plain.withOffsets(Map.of("A", 1.0)));
        assertEquals("offsets are for the classes [A], expected [A, B]", e.getMessage());
    }

    @Test
    void calibrationNamesALabelThatIsNoClass() {
        ZeroShotClassifier plain = new ZeroShotClassifier(TABLE, prompts());
        var e = assertThrows(IllegalArgumentException.class,
                () -> plain.calibrated(plain.logits(List.of(Path.of("x"), Path.of("y"))), List.of("A", "C")));
        assertEquals("label 'C' of calibration image 2 is none of the classes [A, B]", e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class,
                () -> plain.calibrated(plain.logits(List.of(Path.of("x"))), List.of("A")));
        assertEquals("no calibration image of class B; every class needs at least one", missing.getMessage());
    }

    @Test
    void oneCommandLineNamePerAggregation() {
        assertEquals(ZeroShotClassifier.Aggregation.SUM, ZeroShotPrompts.aggregation(" Sum"));
        assertEquals(ZeroShotClassifier.Aggregation.MEAN, ZeroShotPrompts.aggregation("mean"));
        var e = assertThrows(MedvlException.class, () -> ZeroShotPrompts.aggregation("max"));
        assertEquals("--prompt-aggregation must be mean or sum, got \"max\"", e.getMessage());
    }
}
