package org.medvl.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.models.clip.ClipData;
import org.medvl.models.clip.ClipEncoder;
import org.medvl.models.clip.ClipEncoders;
import org.medvl.models.clip.ClipExample;
import org.medvl.models.clip.RetrievalScores;
import org.medvl.models.clip.ZeroShotClassifier;
import org.medvl.models.clip.ZeroShotPrompts;
import org.medvl.models.train.CaseHoldout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl eval retrieval}: image-to-text and text-to-image R@K on a split next to the random baseline, plus
 * zero-shot modality and plane accuracy where the records carry those labels.
 */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Image-text retrieval R@1/5/10 (both directions, vs random) and zero-shot modality/plane accuracy")
public final class RetrievalEvalCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A medvl CLIP checkpoint or an ONNX export directory")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "NAME:PATH#split",
            description = "Evaluation pairs, e.g. medpix-2.0:../shared/data/medpix-2.0#dev")
    String data;

    @Option(names = "--text-template",
            description = "Query text built from a record (default: the template the model was trained with, "
                    + "else {caption})")
    String textTemplate;

    @Option(names = "--prompts", paramLabel = "FILE",
            description = "Zero-shot prompt ensembles as JSON ({\"modality\": {\"CT\": [...], \"MR\": [...]}, "
                    + "\"plane\": {...}}); default: the built-in ensembles")
    Path promptsFile;

    @Option(names = "--no-training-format-prompts",
            description = "Do not add the classes written in the model's training text format (e.g. \"CT Axial.\") "
                    + "to the prompt ensembles")
    boolean noTrainingFormat;

    @Option(names = "--prompt-aggregation", defaultValue = "mean", paramLabel = "mean|sum",
            description = "How a class's prompts combine: mean (one embedding per class, the mean of its prompts') or "
                    + "sum (each prompt a subclass; the class's probability is the sum of its prompts'; give the "
                    + "classes equally many prompts) (default ${DEFAULT-VALUE})")
    String promptAggregation;

    @Option(names = "--held-out", defaultValue = "0", paramLabel = "F",
            description = "Score only the training cases that train clip --val-fraction F --seed SEED held out (pass "
                    + "the training split as --data), e.g. to compare configurations without looking at dev")
    double heldOut;

    @Option(names = "--seed", defaultValue = "42", description = "The training run's seed, with --held-out "
            + "(default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--image-views", defaultValue = "1", paramLabel = "N",
            description = "Embed each image as the mean over N views: the image and N-1 augmentations like the "
                    + "model's training ones (test-time augmentation; medvl checkpoints; on held-out MedPix cases 5 "
                    + "raised zero-shot accuracy and lowered R@10; default ${DEFAULT-VALUE})")
    int imageViews;

    @Option(names = "--identical-texts-match",
            description = "Also score retrieval with pairs of identical query texts counted as one text that matches "
                    + "each of their images (MedPix repeats captions within a case), next to its own random baselines")
    boolean identicalTextsMatch;

    @Option(names = "--query-bank", paramLabel = "NAME:PATH#split",
            description = "Also score retrieval with querybank normalisation (QB-Norm, dynamic inverted softmax), the "
                    + "bank being these pairs' images and texts, e.g. the training split; pairs of any case that is "
                    + "evaluated are left out of the bank")
    String queryBank;

    @Option(names = "--query-bank-beta", defaultValue = "20", paramLabel = "BETA",
            description = "Inverse temperature of the querybank normalisation (default ${DEFAULT-VALUE}, as published)")
    double queryBankBeta;

    @Option(names = "--calibrate-on", paramLabel = "NAME:PATH#split",
            description = "Also score zero-shot with prior calibration: one logit offset per class fitted on these "
                    + "labelled pairs (e.g. the training split; pairs of any evaluated case are left out), printed "
                    + "next to the uncalibrated scores")
    String calibrateOn;

    @Option(names = "--out", description = "Write all scores as JSON to this file")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, Map<String, List<String>>> prompts = promptsFile != null ? ZeroShotPrompts.read(promptsFile)
                : ZeroShotPrompts.builtIn();
        ZeroShotClassifier.Aggregation aggregation = ZeroShotPrompts.aggregation(promptAggregation);
        if (heldOut < 0 || heldOut >= 1) {
            throw new MedvlException("--held-out must be in [0, 1), got " + heldOut);
        }
        if (!(queryBankBeta > 0) || Double.isInfinite(queryBankBeta)) {
            throw new MedvlException("--query-bank-beta must be a positive number, got " + queryBankBeta);
        }
        List<ClipExample> examples = ClipData.load(data, 0);
        if (heldOut > 0) {
            examples = CaseHoldout.split(examples, ClipExample::id, heldOut, seed).validation();
        }
        List<ClipExample> bank = queryBank == null ? null : pairsWithout(queryBank, "--query-bank", examples);
        List<ClipExample> calibration = calibrateOn == null ? null
                : pairsWithout(calibrateOn, "--calibrate-on", examples);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("model", model.toString());
        results.put("data", data);
        results.put("pairs", examples.size());
        if (heldOut > 0) {
            results.put("held_out", Map.of("fraction", heldOut, "seed", seed));
        }
        results.put("image_views", imageViews);
        results.put("prompt_aggregation", aggregation.name().toLowerCase(Locale.ROOT));
        try (ClipEncoder enc = ClipEncoders.open(model, imageViews)) {
            String template = textTemplate != null ? textTemplate
                    : enc.textTemplate() != null ? enc.textTemplate() : "{caption}";
            String trainingFormat = noTrainingFormat ? null : enc.textTemplate();
            results.put("text_template", template);
            results.put("prompts", (promptsFile == null ? "built-in" : promptsFile.toString())
                    + (trainingFormat == null ? "" : " + training format " + trainingFormat));
            float[][] img = enc.embedImages(examples.stream().map(ClipExample::image).toList());
            List<String> texts = examples.stream().map(e -> e.text(template)).toList();
            float[][] txt = enc.embedTexts(texts);
            Map<String, Double> r = RetrievalScores.compute(img, txt);
            results.putAll(r);
            print(out, "retrieval on " + examples.size() + " pairs:", r);
            if (identicalTextsMatch) {
                Map<String, Double> g = RetrievalScores.computeIdenticalTextsMatched(img, txt, texts);
                results.put("identical_texts_matched", g);
                out.printf("with identical texts as one (%d distinct texts):%n", g.get("distinct_texts").intValue());
                out.printf("  %-22s R@1     R@5     R@10%n", "");
                for (String dir : List.of("image_to_text", "text_to_image")) {
                    out.printf("  %-22s %.4f  %.4f  %.4f   random %.4f  %.4f  %.4f%n", dir.replace('_', ' '),
                            g.get(dir + "_R@1"), g.get(dir + "_R@5"), g.get(dir + "_R@10"),
                            g.get("random_" + dir + "_R@1"), g.get("random_" + dir + "_R@5"),
                            g.get("random_" + dir + "_R@10"));
                }
            }
            if (bank != null) {
                float[][] bankImg = enc.embedImages(bank.stream().map(ClipExample::image).toList());
                float[][] bankTxt = enc.embedTexts(bank.stream().map(e -> e.text(template)).toList());
                Map<String, Object> normalised = new LinkedHashMap<>();
                normalised.put("bank", queryBank);
                normalised.put("bank_pairs", bank.size());
                normalised.put("beta", queryBankBeta);
                Map<String, Double> q = RetrievalScores.compute(img, txt, bankImg, bankTxt, queryBankBeta);
                normalised.putAll(q);
                results.put("query_bank_normalised", normalised);
                print(out, "with querybank normalisation (" + bank.size() + " bank pairs, beta " + queryBankBeta
                        + "):", q);
            }
            for (String task : List.of("modality", "plane")) {
                zeroShot(out, enc, examples, task,
                        ZeroShotPrompts.withTrainingFormat(task, prompts.get(task), trainingFormat), aggregation,
                        calibration, results);
            }
        }
        if (outFile != null) {
            AtomicFiles.writeString(outFile,
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            out.println("results: " + outFile);
        }
        return 0;
    }

    private static void print(PrintWriter out, String title, Map<String, Double> r) {
        out.println(title);
        out.printf("  %-22s R@1     R@5     R@10%n", "");
        for (String dir : List.of("image_to_text", "text_to_image", "random")) {
            out.printf("  %-22s %.4f  %.4f  %.4f%n", dir.replace('_', ' '), r.get(dir + "_R@1"),
                    r.get(dir + "_R@5"), r.get(dir + "_R@10"));
        }
    }

    /** The pairs of {@code source} without any case that is evaluated, so no evaluated case informs its own scores. */
    private static List<ClipExample> pairsWithout(String source, String option, List<ClipExample> evaluated) {
        Set<String> cases = evaluated.stream().map(ClipExample::id).collect(Collectors.toSet());
        List<ClipExample> all = ClipData.load(source, 0);
        List<ClipExample> kept = all.stream().filter(e -> !cases.contains(e.id())).toList();
        if (kept.isEmpty()) {
            throw new MedvlException(option + " " + source + ": none of its " + all.size()
                    + " pairs is left once the evaluated cases are removed; pass the training split");
        }
        return kept;
    }

    /** The images of {@code examples} with a class of {@code prompts} for {@code task}, and those classes. */
    private record Labelled(List<Path> images, List<String> truth) {
        static Labelled of(List<ClipExample> examples, String task, Map<String, List<String>> prompts) {
            List<Path> images = new ArrayList<>();
            List<String> truth = new ArrayList<>();
            for (ClipExample e : examples) {
                String c = ZeroShotPrompts.classOf(prompts, task.equals("modality") ? e.modality() : e.plane());
                if (c != null) {
                    images.add(e.image());
                    truth.add(c);
                }
            }
            return new Labelled(images, truth);
        }
    }

    private static void zeroShot(PrintWriter out, ClipEncoder enc, List<ClipExample> examples, String task,
                                 Map<String, List<String>> prompts, ZeroShotClassifier.Aggregation aggregation,
                                 List<ClipExample> calibration, Map<String, Object> results) {
        Labelled scored = Labelled.of(examples, task, prompts);
        if (scored.images().isEmpty()) {
            return;
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        scored.truth().forEach(c -> counts.merge(c, 1, Integer::sum));
        ZeroShotClassifier classifier = new ZeroShotClassifier(enc, prompts, aggregation);
        double[][] logits = classifier.logits(scored.images());
        double majority = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                / (double) scored.images().size();
        results.put("zeroshot_" + task + "_majority_baseline", majority);
        results.put("zeroshot_" + task + "_images", scored.images().size());
        String key = "zeroshot_" + task;
        report(out, task, "", classifier.predict(logits), scored.truth(), key, results);
        out.printf("  (%d images %s, majority class %.4f, chance %.4f)%n", scored.images().size(), counts, majority,
                1.0 / prompts.size());
        if (calibration == null) {
            return;
        }
        Labelled fit = Labelled.of(calibration, task, prompts);
        Map<String, Object> c = new LinkedHashMap<>();
        results.put(key + "_calibrated", c);
        List<String> missing = prompts.keySet().stream().filter(k -> !fit.truth().contains(k)).toList();
        if (!missing.isEmpty()) {
            // An offset cannot be fitted for a class the calibration pairs never show: report it, score the rest.
            String why = "no calibration pair of class " + String.join(", ", missing);
            c.put("skipped", why);
            out.printf("zero-shot %-8s not calibrated: %s%n", task, why);
            return;
        }
        ZeroShotClassifier calibrated = classifier.calibrated(classifier.logits(fit.images()), fit.truth());
        c.put("fitted_on", fit.images().size());
        c.put("offsets", calibrated.offsets());
        report(out, task, " calibrated", calibrated.predict(logits), scored.truth(), null, c);
        out.printf("  (offsets %s fitted on %d calibration images)%n", rounded(calibrated.offsets()),
                fit.images().size());
    }

    /** Prints and stores accuracy and confusion counts under {@code prefix} (or plain keys when it is null). */
    private static void report(PrintWriter out, String task, String label, List<ZeroShotClassifier.Prediction> p,
                               List<String> truth, String prefix, Map<String, Object> results) {
        // Confusion counts (truth -> predicted): accuracy alone hides which class the errors fall into.
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            confusion.computeIfAbsent(truth.get(i), k -> new LinkedHashMap<>()).merge(p.get(i).label(), 1,
                    Integer::sum);
        }
        double acc = ZeroShotClassifier.accuracyOf(p, truth);
        String k = prefix == null ? "" : prefix + "_";
        results.put(k + "accuracy", acc);
        results.put(k + "confusion", confusion);
        out.printf("zero-shot %-8s%s accuracy %.4f%n", task, label, acc);
        out.printf("  %s%s confusion, truth -> predicted: %s%n", task, label, confusion);
    }

    private static Map<String, String> rounded(Map<String, Double> offsets) {
        Map<String, String> m = new LinkedHashMap<>();
        offsets.forEach((c, v) -> m.put(c, String.format(Locale.ROOT, "%+.3f", v)));
        return m;
    }
}
