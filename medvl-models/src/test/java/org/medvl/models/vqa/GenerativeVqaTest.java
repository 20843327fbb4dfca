package org.medvl.models.vqa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.metrics.vqa.VqaMetrics;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;

/**
 * The generative kind on synthetic PNGs: a bright square in one quadrant. Training asks "which side?" (left / right),
 * "which level?" (upper / lower) on every image, and "where is the lesion?" (side and level, two words) on every image
 * except those with the lesion in the lower right: "right lower" is never a training answer, so only a decoder that
 * composes words can give it.
 */
class GenerativeVqaTest {
    private static final String WHERE = "Where is the lesion?";

    @TempDir
    Path tmp;

    @Test
    void decoderLearnsAboveChanceComposesAnUnseenAnswerAndRoundTrips() throws Exception {
        List<VqaItem> train = quadrants(tmp.resolve("img"), "t", 48, 1, true);
        List<VqaItem> test = quadrants(tmp.resolve("img"), "h", 24, 2, false);
        Set<String> trainAnswers = train.stream().map(i -> VqaMetrics.normalize(i.answer()))
                .collect(Collectors.toSet());
        assertFalse(trainAnswers.contains("right lower"));
        VqaTrainOptions options = SyntheticVqa.tiny(VqaConfig.GENERATIVE, 8, 0, 3);
        VqaTrainer.Result r = VqaTrainer.train(train, List.of(), options, tmp.resolve("gen"));
        for (String f : List.of("model.params", "config.json", "words.json", "preprocess.json", "training.json",
                "answers.json")) {
            assertTrue(Files.exists(r.model().resolve(f)), f);
        }
        assertEquals(MedvlModels.Task.VQA, MedvlModels.requireTask(r.model()));

        try (QuestionAnswerer qa = MedvlModels.openQuestionAnswerer(r.model())) {
            assertTrue(qa.name().startsWith("medvl-generative:"), qa.name());
            List<VisualQuestion> questions = test.stream()
                    .map(i -> VisualQuestion.of(i.id(), Path.of(i.image().path()), i.question())).toList();
            List<ModelAnswer> answers = ((VqaModel) qa).answerAll(questions);
            int right = 0;
            int whereRight = 0;
            int where = 0;
            int unseenAsked = 0;
            int unseenRight = 0;
            for (int i = 0; i < test.size(); i++) {
                String want = VqaMetrics.normalize(test.get(i).answer());
                String got = VqaMetrics.normalize(answers.get(i).text());
                double p = answers.get(i).probability();
                assertTrue(p > 0 && p <= 1.0001, "sequence probability " + p);
                right += want.equals(got) ? 1 : 0;
                if (test.get(i).question().equals(WHERE)) {
                    where++;
                    whereRight += want.equals(got) ? 1 : 0;
                    if (want.equals("right lower")) {
                        unseenAsked++;
                        unseenRight += got.equals("right lower") ? 1 : 0;
                    }
                }
            }
            // Chance: 1/2 for side and level questions, 1/4 for the two-word answers (3 of 4 pairs seen whole).
            double accuracy = (double) right / test.size();
            double whereAccuracy = (double) whereRight / where;
            System.out.printf("generative synthetic: accuracy %.3f, two-word %.3f, 'right lower' %d of %d%n",
                    accuracy, whereAccuracy, unseenRight, unseenAsked);
            assertTrue(accuracy >= 0.75, "exact-match accuracy " + accuracy + " (chance about 0.42)");
            assertTrue(whereAccuracy >= 0.5, "two-word accuracy " + whereAccuracy + " (chance 0.25)");
            assertTrue(unseenAsked > 0 && 2 * unseenRight >= unseenAsked, "'right lower' (never a training answer) given "
                    + unseenRight + " of " + unseenAsked + " times");

            VqaItem first = test.get(0);
            ModelAnswer again = qa.answer(VisualQuestion.of("x", Path.of(first.image().path()), first.question()));
            assertEquals(answers.get(0).text(), again.text(), "one question alone answers as in a batch");
            assertEquals(answers.get(0).probability(), again.probability(), 1e-4);
            VqaTrainerTest.assertQuestionErrors(qa, Path.of(first.image().path()));
        }
    }

    /**
     * Noisy 32x32 PNGs with a bright 8x8 square in a random quadrant; three questions per image ("where" left out for
     * lower-right lesions when {@code holdOutRightLower}).
     */
    static List<VqaItem> quadrants(Path dir, String prefix, int images, long seed, boolean holdOutRightLower)
            throws Exception {
        int size = SyntheticVqa.SIZE;
        SplittableRandom rng = new SplittableRandom(seed);
        List<VqaItem> items = new ArrayList<>();
        Files.createDirectories(dir);
        for (int i = 0; i < images; i++) {
            boolean left = rng.nextBoolean();
            boolean upper = rng.nextBoolean();
            ImageRef ref = SyntheticVqa.lesion(dir, prefix + i, rng, left ? 2 : size / 2 + 2, upper ? 2 : size / 2 + 2,
                    5);
            String side = left ? "left" : "right";
            String level = upper ? "upper" : "lower";
            items.add(item(prefix + i + "-s", ref, "Which side is the lesion on?", side));
            items.add(item(prefix + i + "-l", ref, "Which level is the lesion at?", level));
            if (!(holdOutRightLower && !left && !upper)) {
                items.add(item(prefix + i + "-w", ref, WHERE, side + " " + level));
            }
        }
        return items;
    }

    private static VqaItem item(String id, ImageRef ref, String question, String answer) {
        return new VqaItem(id, ref, question, answer, AnswerType.OPEN, "POS", Split.TRAIN, "en", List.of(), null);
    }
}
