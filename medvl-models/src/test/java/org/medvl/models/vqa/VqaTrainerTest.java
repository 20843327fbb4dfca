package org.medvl.models.vqa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.core.record.VqaItem;
import org.medvl.metrics.vqa.VqaMetrics;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;

class VqaTrainerTest {
    @TempDir
    Path tmp;

    @Test
    void networkLearnsWhatOnlyTheImageTellsAndBeatsTheQuestionOnlyBaseline() throws Exception {
        List<VqaItem> train = SyntheticVqa.write(tmp.resolve("img"), "t", 64, 1);
        List<VqaItem> test = SyntheticVqa.write(tmp.resolve("img"), "h", 20, 2);
        VqaTrainer.Result net = VqaTrainer.train(train, List.of(), SyntheticVqa.tiny("network", 12, 0, 3),
                tmp.resolve("net"));
        VqaTrainer.Result qonly = VqaTrainer.train(train, List.of(), SyntheticVqa.tiny("question-only", 12, 0, 3),
                tmp.resolve("qonly"));
        for (String f : List.of("model.params", "config.json", "tokenizer.json", "preprocess.json", "training.json",
                "answers.json")) {
            assertTrue(Files.exists(net.model().resolve(f)), f);
        }
        assertTrue(Files.readString(net.model().resolve("config.json")).contains("\"task\" : \"vqa\""));
        assertTrue(Files.exists(tmp.resolve("net/metrics.jsonl")));
        assertEquals(MedvlModels.Task.VQA, MedvlModels.requireTask(net.model()));

        double netClosed = closedAccuracy(net.model(), test);
        double qonlyClosed = closedAccuracy(qonly.model(), test);
        assertTrue(netClosed >= 0.85, "image+question closed accuracy " + netClosed);
        assertTrue(qonlyClosed <= 0.7, "question-only closed accuracy " + qonlyClosed + " (it cannot see the image)");

        try (QuestionAnswerer qa = MedvlModels.openQuestionAnswerer(net.model())) {
            VqaItem first = test.get(0);
            ModelAnswer a = qa.answer(VisualQuestion.of("x", Path.of(first.image().path()), first.question()));
            assertEquals(Math.min(5, ((VqaModel) qa).answers().size()), a.alternatives().size());
            assertEquals(a.text(), a.alternatives().get(0).text());
            double sum = a.alternatives().stream().mapToDouble(ModelAnswer.Alternative::probability).sum();
            assertTrue(a.probability() > 0 && sum <= 1.0001, "probabilities " + a.alternatives());
            assertQuestionErrors(qa, Path.of(first.image().path()));
            Path notImage = Files.writeString(tmp.resolve("notes.png"), "not an image");
            MedvlException bad = assertThrows(MedvlException.class,
                    () -> qa.answer(VisualQuestion.of("x", notImage, "Is the lesion on the left?")));
            assertTrue(bad.getMessage().contains("notes.png"), bad.getMessage());
        }
    }

    @Test
    void sameSeedGivesTheSameWeightsAndAResumedRunMatchesAnUninterruptedOne() throws Exception {
        List<VqaItem> train = SyntheticVqa.write(tmp.resolve("img"), "t", 24, 1);
        VqaTrainOptions options = SyntheticVqa.tiny("network", 2, 2, 9);
        VqaTrainer.Result a = VqaTrainer.train(train, List.of(), options, tmp.resolve("a"));
        VqaTrainer.Result b = VqaTrainer.train(train, List.of(), options, tmp.resolve("b"));
        byte[] weights = Files.readAllBytes(a.model().resolve("model.params"));
        assertArrayEquals(weights, Files.readAllBytes(b.model().resolve("model.params")));

        var images = VqaTrainer.decodeOnce(options, train.stream().map(i -> Path.of(i.image().path())).toList());
        class Stop extends RuntimeException {
        }
        assertThrows(Stop.class, () -> new VqaTrainer(options, images).train(train, List.of(), tmp.resolve("c"), false,
                (step, loss) -> {
                    if (step == 3) {
                        throw new Stop();
                    }
                }));
        assertTrue(Files.exists(tmp.resolve("c/checkpoint/training.json")));
        new VqaTrainer(options, images).train(train, List.of(), tmp.resolve("c"), true, null);
        assertArrayEquals(weights, Files.readAllBytes(tmp.resolve("c/model/model.params")),
                "a killed and resumed run ends with the weights of an uninterrupted one");

        MedvlException other = assertThrows(MedvlException.class, () -> new VqaTrainer(options.withSeed(10), images)
                .train(train, List.of(), tmp.resolve("c"), true, null));
        assertTrue(other.getMessage().contains("other options"), other.getMessage());
        MedvlException exists = assertThrows(MedvlException.class,
                () -> VqaTrainer.train(train, List.of(), options, tmp.resolve("c")));
        assertTrue(exists.getMessage().contains("not empty"), exists.getMessage());
    }

    @Test
    void majorityBaselineAnswersTheCommonestAnswerOfEachType() throws Exception {
        List<VqaItem> train = SyntheticVqa.write(tmp.resolve("img"), "t", 9, 4);
        VqaTrainer.Result r = VqaTrainer.train(train, List.of(), SyntheticVqa.tiny("majority", 1, 0, 1),
                tmp.resolve("maj"));
        MajorityBaseline fitted = MajorityBaseline.fit(train);
        try (QuestionAnswerer qa = MedvlModels.openQuestionAnswerer(r.model())) {
            assertEquals(fitted.closed(), qa.answer(VisualQuestion.of("1", null, "Is there a mass?")).text());
            assertEquals(fitted.open(), qa.answer(VisualQuestion.of("2", null, "Where is the mass?")).text());
        }
        long yes = train.stream().filter(i -> i.isClosed() && i.answer().equals("Yes")).count();
        assertEquals(yes * 2 > 9 ? "yes" : "no", fitted.closed());
    }

    /** An empty question and one over the tiny models' 12-unit limit are refused with clear messages. */
    static void assertQuestionErrors(QuestionAnswerer qa, Path image) {
        MedvlException empty = assertThrows(MedvlException.class,
                () -> qa.answer(VisualQuestion.of("x", image, "  ")));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        MedvlException tooLong = assertThrows(MedvlException.class,
                () -> qa.answer(VisualQuestion.of("x", image, "is the lesion on the left ".repeat(10))));
        assertTrue(tooLong.getMessage().contains("at most 12"), tooLong.getMessage());
    }

    private static double closedAccuracy(Path model, List<VqaItem> test) {
        try (QuestionAnswerer qa = MedvlModels.openQuestionAnswerer(model)) {
            List<VqaItem> closed = test.stream().filter(VqaItem::isClosed).toList();
            long right = closed.stream().filter(i -> VqaMetrics.normalize(qa.answer(VisualQuestion.of(i.id(),
                    Path.of(i.image().path()), i.question())).text()).equals(VqaMetrics.normalize(i.answer()))).count();
            return (double) right / closed.size();
        }
    }
}
