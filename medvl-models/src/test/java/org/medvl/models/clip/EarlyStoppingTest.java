package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.train.CaseHoldout;

/** Best-epoch selection, early stopping, the task field, and case-disjoint hold-out. */
class EarlyStoppingTest {
    @TempDir
    Path tmp;

    @Test
    void keepsTheBestEpochAndStopsAfterPatienceRunsOut() throws Exception {
        SyntheticPairs data = new SyntheticPairs(48, 1);
        ClipTrainer trainer = new ClipTrainer(SyntheticPairs.tinyConfig(), SyntheticPairs.options(8, 0, 5),
                data.images).patience(2);
        ClipTrainer.Result r = trainer.train(data.examples, data.examples.subList(0, 16), tmp.resolve("run"), false,
                null);
        List<Map<String, Object>> history = ClipTrainerTest.readHistory(tmp.resolve("run/metrics.jsonl"));
        int best = ClipTrainer.bestEpoch(history);
        assertEquals(best, r.bestEpoch());
        assertTrue(best >= 1 && best <= history.size());
        double bestScore = ((Number) history.get(best - 1).get(ClipTrainer.SELECTION_METRIC)).doubleValue();
        for (Map<String, Object> m : history) {
            assertTrue(((Number) m.get(ClipTrainer.SELECTION_METRIC)).doubleValue() <= bestScore);
        }
        // either all 8 epochs ran, or training stopped exactly 2 epochs after the best one
        assertTrue(history.size() == 8 || history.size() - best == 2, history.size() + " epochs, best " + best);
        assertEquals(tmp.resolve("run/best"), r.best());
        Map<?, ?> bestTraining = new com.fasterxml.jackson.databind.ObjectMapper()
                .readValue(r.best().resolve("training.json").toFile(), Map.class);
        assertEquals(best, ((List<?>) bestTraining.get("history")).size(), "best/ holds the state of its epoch");
        for (Path dir : List.of(r.model(), r.best())) {
            assertEquals(MedvlModels.Task.CLIP, MedvlModels.requireTask(dir));
            assertEquals("clip", new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(dir.resolve("config.json").toFile()).get("task").asText());
        }
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ClipCheckpoint.read(r.best(), m); // the config with its task field reads back
        }
    }

    @Test
    void holdOutNeverSplitsACase() {
        List<ClipExample> all = new java.util.ArrayList<>();
        for (int c = 0; c < 200; c++) {
            for (int i = 0; i < 3; i++) {
                all.add(new ClipExample("MPX" + c + "_synpic" + i, Path.of("x" + c + "_" + i + ".png"), "t", "CT",
                        "Axial"));
            }
        }
        CaseHoldout.Split<ClipExample> s = CaseHoldout.split(all, ClipExample::id, 0.1, 42);
        Set<String> trainCases = s.train().stream().map(e -> e.id().split("_")[0]).collect(Collectors.toSet());
        Set<String> valCases = s.validation().stream().map(e -> e.id().split("_")[0]).collect(Collectors.toSet());
        assertFalse(trainCases.stream().anyMatch(valCases::contains), "a case on both sides");
        assertEquals(600, s.train().size() + s.validation().size());
        assertTrue(valCases.size() > 8 && valCases.size() < 35, valCases.size() + " of 200 cases held out");
        assertEquals(s.validation(), CaseHoldout.split(all, ClipExample::id, 0.1, 42).validation(), "seeded");
    }
}
