package org.medvl.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
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
import org.medvl.models.clip.ZeroShotOffsets;
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

    @Option(names = "--offsets", paramLabel = "FILE",
            description = "Also score zero-shot with these per-class logit offsets, as --fit-offsets-out writes them "
                    + "({\"modality\": {\"CT\": 0.1, \"MR\": -0.1}, ...}), e.g. fitted on a validation split")
    Path offsetsFile;

    @Option(names = "--fit-offsets-out", paramLabel = "FILE",
            description = "Fit per-class logit offsets on the evaluated pairs themselves (maximum likelihood) and "
                    + "write them to FILE for --offsets on another split; use a validation split, never the split "
                    + "you report, since the scores they give here are in-sample")
    Path fitOffsetsOut;

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
        if (calibrateOn != null && offsetsFile != null) {
            throw new MedvlException("give either --calibrate-on or --offsets, not both");
        }
        ZeroShotScoring.Calibration calibration = new ZeroShotScoring.Calibration(
                calibrateOn == null ? null : pairsWithout(calibrateOn, "--calibrate-on", examples),
                offsetsFile == null ? null : ZeroShotOffsets.read(offsetsFile), fitOffsetsOut != null);
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
            ZeroShotScoring zeroShot = new ZeroShotScoring(out, enc, aggregation, calibration);
            for (String task : prompts.keySet()) {
                zeroShot.score(examples, task, ZeroShotPrompts.withTrainingFormat(task, prompts.get(task),
                        trainingFormat), results);
            }
            for (String task : zeroShot.unusedGivenTasks()) {
                out.printf("offsets for %s in %s not used: no evaluated pair has one of its classes%n", task,
                        offsetsFile);
            }
            if (fitOffsetsOut != null) {
                ZeroShotOffsets.write(fitOffsetsOut, zeroShot.fittedHere());
                out.println("offsets: " + fitOffsetsOut);
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
}
