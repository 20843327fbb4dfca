package org.medvl.cli.demo.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.record.VqaItem;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.vqa.VqaConfig;
import org.medvl.models.vqa.VqaModel;
import org.medvl.models.vqa.VqaTrainOptions;
import org.medvl.models.vqa.VqaTrainer;
import org.medvl.metrics.vqa.VqaMetrics;

/**
 * Trains a compact image + question VQA network and scores it on the held-out questions with {@link VqaMetrics},
 * next to a question-only prior (the most common training answer for the same question) scored the same way.
 */
final class VqaStep implements DemoStep {
    static final String TASK = "vqa";
    private static final int BATCH = 64;

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String unavailableReason(DemoData data) {
        return data.vqa().usable() ? null : "the data has no VQA items with both a train and a held-out part";
    }

    /**
     * A compact network; its image encoder has the demo CLIP model's architecture, so it starts from that model's
     * weights when the CLIP step ran (image features learned from the reports). Synthetic questions fit in 32 word
     * pieces; real ones get 64 (VQA-RAD has 40-piece questions).
     */
    static VqaTrainOptions options(DemoSettings s, Path clipModel) {
        VqaTrainOptions d = VqaTrainOptions.defaults();
        return new VqaTrainOptions(VqaConfig.NETWORK, s.modelSize(), 1, ClipStep.IMAGE_WIDTH, 1, 64, 1, 4,
                s.synthetic() ? 32 : 64, 1,
                0.1f, s.vqaEpochs(), 32, 5e-4f, 1e-5f, 50, d.weightDecay(), d.gradClip(), 0.05f, s.seed(), 1, 0,
                AugmentConfig.none(), 1000, 1,
                clipModel != null && Files.isDirectory(clipModel) ? clipModel.toString() : null);
    }

    @Override
    public void train(DemoData data, DemoSettings s, Path runDir, Path modelDir) {
        VqaTrainOptions options = options(s, modelDir.resolveSibling(ClipStep.TASK));
        List<VqaItem> train = data.vqa().train();
        List<Path> files = train.stream().map(i -> Path.of(i.image().path())).distinct().toList();
        boolean resume = Files.isDirectory(runDir.resolve("checkpoint"));
        if (!resume) {
            AtomicFiles.deleteTree(runDir); // a run killed before its first checkpoint: start it again
        }
        VqaTrainer.Result r = new VqaTrainer(options, VqaTrainer.decodeOnce(options, files))
                .train(train, List.of(), runDir, resume, null);
        DemoStep.moveInto(r.model(), modelDir);
    }

    @Override
    public void evaluate(DemoData data, DemoSettings s, Path modelDir, Path predictionsDir, Summary summary) {
        List<VqaItem> test = data.vqa().test();
        List<String> predictions = new ArrayList<>(test.size());
        try (QuestionAnswerer qa = MedvlModels.openQuestionAnswerer(modelDir)) {
            for (int from = 0; from < test.size(); from += BATCH) {
                List<VisualQuestion> batch = test.subList(from, Math.min(test.size(), from + BATCH)).stream()
                        .map(i -> VisualQuestion.of(i.id(), Path.of(i.image().path()), i.question())).toList();
                if (qa instanceof VqaModel m) { // batched: one network pass per 64 questions
                    m.answerAll(batch).forEach(a -> predictions.add(a.text()));
                } else {
                    batch.forEach(q -> predictions.add(qa.answer(q).text()));
                }
            }
        }
        List<String> prior = questionPrior(data.vqa().train(), test);
        VqaMetrics.Result model = VqaMetrics.evaluate(scored(test, predictions));
        VqaMetrics.Result chance = VqaMetrics.evaluate(scored(test, prior));
        String priorIs = "question-only prior (commonest training answer to the same question)";
        summary.add(new Summary.Row(TASK, "closed accuracy", model.closedAccuracy().value(),
                chance.closedAccuracy().value(), priorIs, model.closedAccuracy().n()));
        summary.add(new Summary.Row(TASK, "closed accuracy (majority)", model.closedAccuracy().value(),
                majorityRate(test), "always the commonest closed answer of the held-out set", model.closedAccuracy().n()));
        if (model.openExactMatch().n() > 0) {
            summary.add(new Summary.Row(TASK, "open exact match", model.openExactMatch().value(),
                    chance.openExactMatch().value(), priorIs, model.openExactMatch().n()));
        }
        summary.add(new Summary.Row(TASK, "overall accuracy", model.overall().value(), chance.overall().value(),
                priorIs, model.overall().n()));
        AtomicFiles.writeText(predictionsDir.resolve("vqa.tsv"), w -> {
            w.write("id\tquestion\tanswer\tprediction\n");
            for (int i = 0; i < test.size(); i++) {
                w.write(test.get(i).id() + "\t" + test.get(i).question() + "\t" + test.get(i).answer() + "\t"
                        + predictions.get(i).replace('\t', ' ').replace('\n', ' ') + "\n");
            }
        });
    }

    private static List<org.medvl.metrics.vqa.VqaItem> scored(List<VqaItem> items, List<String> predictions) {
        List<org.medvl.metrics.vqa.VqaItem> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            VqaItem it = items.get(i);
            out.add(new org.medvl.metrics.vqa.VqaItem(it.id(), it.questionType(), it.isClosed(), it.answer(),
                    predictions.get(i), it.options(), null));
        }
        return out;
    }

    /**
     * The blind baseline VQA papers compare with: per normalised question, the commonest training answer; a question
     * never seen in training gets the commonest answer of its answer type.
     */
    static List<String> questionPrior(List<VqaItem> train, List<VqaItem> test) {
        Map<String, Map<String, Integer>> byQuestion = new HashMap<>();
        Map<Boolean, Map<String, Integer>> byType = new HashMap<>();
        for (VqaItem it : train) {
            String a = VqaMetrics.normalize(it.answer());
            byQuestion.computeIfAbsent(VqaMetrics.normalize(it.question()), k -> new HashMap<>()).merge(a, 1,
                    Integer::sum);
            byType.computeIfAbsent(it.isClosed(), k -> new HashMap<>()).merge(a, 1, Integer::sum);
        }
        List<String> out = new ArrayList<>(test.size());
        for (VqaItem it : test) {
            Map<String, Integer> counts = byQuestion.getOrDefault(VqaMetrics.normalize(it.question()),
                    byType.getOrDefault(it.isClosed(), Map.of()));
            out.add(commonest(counts));
        }
        return out;
    }

    /** Accuracy of always giving the commonest closed answer of {@code test} (e.g. "no" on the synthetic set). */
    static double majorityRate(List<VqaItem> test) {
        Map<String, Integer> counts = new HashMap<>();
        int closed = 0;
        for (VqaItem it : test) {
            if (it.isClosed()) {
                counts.merge(VqaMetrics.normalize(it.answer()), 1, Integer::sum);
                closed++;
            }
        }
        return closed == 0 ? 0 : counts.values().stream().mapToInt(Integer::intValue).max().orElse(0) / (double) closed;
    }

    /** The commonest key; ties go to the alphabetically first, so the baseline does not depend on hash order. */
    private static String commonest(Map<String, Integer> counts) {
        String best = "";
        int n = -1;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > n || (e.getValue() == n && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                n = e.getValue();
            }
        }
        return best;
    }
}
