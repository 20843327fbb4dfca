package org.medvl.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.medvl.core.MedvlException;
import org.medvl.models.clip.ClipEncoder;
import org.medvl.models.clip.ClipExample;
import org.medvl.models.clip.ZeroShotClassifier;
import org.medvl.models.clip.ZeroShotPrompts;

/**
 * Zero-shot accuracy and confusion counts of one task (modality or plane) for {@code eval retrieval}, plain and with
 * per-class logit offsets (prior calibration) from one of three sources: fitted on other labelled pairs, read from a
 * file, or fitted on the evaluated pairs themselves to be saved for use on another split.
 */
final class ZeroShotScoring {
    /** Where calibration offsets come from; any part may be absent. */
    record Calibration(List<ClipExample> fitOn, Map<String, Map<String, Double>> given, boolean fitHere) {
        static final Calibration NONE = new Calibration(null, null, false);
    }

    private final PrintWriter out;
    private final ClipEncoder enc;
    private final ZeroShotClassifier.Aggregation aggregation;
    private final Calibration calibration;
    /** Offsets fitted on the evaluated pairs, by task, for --fit-offsets-out. */
    private final Map<String, Map<String, Double>> fittedHere = new LinkedHashMap<>();
    /** Tasks whose given offsets were applied, so the caller can say which went unused. */
    private final Set<String> appliedGiven = new HashSet<>();

    ZeroShotScoring(PrintWriter out, ClipEncoder enc, ZeroShotClassifier.Aggregation aggregation,
                    Calibration calibration) {
        this.out = out;
        this.enc = enc;
        this.aggregation = aggregation;
        this.calibration = calibration;
    }

    Map<String, Map<String, Double>> fittedHere() {
        return fittedHere;
    }

    /** Tasks of the given offsets that no scored pair used, in the file's order. */
    List<String> unusedGivenTasks() {
        return calibration.given() == null ? List.of()
                : calibration.given().keySet().stream().filter(t -> !appliedGiven.contains(t)).toList();
    }

    /** Scores {@code task} on the examples that carry one of its classes; nothing when none does. */
    void score(List<ClipExample> examples, String task, Map<String, List<String>> prompts,
               Map<String, Object> results) {
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
        String key = "zeroshot_" + task;
        results.put(key + "_majority_baseline", majority);
        results.put(key + "_images", scored.images().size());
        report(task, "", classifier.predict(logits), scored.truth(), key + "_", results);
        out.printf("  (%d images %s, majority class %.4f, chance %.4f)%n", scored.images().size(), counts, majority,
                1.0 / prompts.size());
        if (calibration.fitOn() != null) {
            calibrateOnOtherPairs(task, prompts, classifier, logits, scored, results);
        }
        if (calibration.given() != null && calibration.given().containsKey(task)) {
            Map<String, Double> offsets = calibration.given().get(task);
            ZeroShotClassifier shifted = withOffsets(classifier, task, offsets);
            appliedGiven.add(task);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("offsets", shifted.offsets());
            results.put(key + "_with_offsets", c);
            report(task, " with offsets", shifted.predict(logits), scored.truth(), "", c);
            out.printf("  (given offsets %s)%n", rounded(shifted.offsets()));
        }
        if (calibration.fitHere()) {
            String missing = missingClasses(prompts, scored.truth());
            if (missing != null) {
                out.printf("zero-shot %-8s no offsets fitted: %s%n", task, missing);
                return;
            }
            ZeroShotClassifier fitted = classifier.calibrated(logits, scored.truth());
            fittedHere.put(task, fitted.offsets());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("offsets", fitted.offsets());
            results.put(key + "_fitted_in_sample", c);
            // In-sample: fitted and scored on the same pairs, so only a check that the fit did what it should.
            report(task, " in-sample", fitted.predict(logits), scored.truth(), "", c);
            out.printf("  (offsets %s fitted on these %d images: apply them to another split with --offsets)%n",
                    rounded(fitted.offsets()), scored.images().size());
        }
    }

    private void calibrateOnOtherPairs(String task, Map<String, List<String>> prompts, ZeroShotClassifier classifier,
                                       double[][] logits, Labelled scored, Map<String, Object> results) {
        Labelled fit = Labelled.of(calibration.fitOn(), task, prompts);
        Map<String, Object> c = new LinkedHashMap<>();
        results.put("zeroshot_" + task + "_calibrated", c);
        String missing = missingClasses(prompts, fit.truth());
        if (missing != null) {
            // An offset cannot be fitted for a class the calibration pairs never show: report it, score the rest.
            c.put("skipped", missing);
            out.printf("zero-shot %-8s not calibrated: %s%n", task, missing);
            return;
        }
        ZeroShotClassifier calibrated = classifier.calibrated(classifier.logits(fit.images()), fit.truth());
        c.put("fitted_on", fit.images().size());
        c.put("offsets", calibrated.offsets());
        report(task, " calibrated", calibrated.predict(logits), scored.truth(), "", c);
        out.printf("  (offsets %s fitted on %d calibration images)%n", rounded(calibrated.offsets()),
                fit.images().size());
    }

    private static ZeroShotClassifier withOffsets(ZeroShotClassifier classifier, String task,
                                                  Map<String, Double> offsets) {
        try {
            return classifier.withOffsets(offsets);
        } catch (IllegalArgumentException e) {
            throw new MedvlException("--offsets: " + task + ": " + e.getMessage());
        }
    }

    private static String missingClasses(Map<String, List<String>> prompts, List<String> truth) {
        List<String> missing = prompts.keySet().stream().filter(k -> !truth.contains(k)).toList();
        return missing.isEmpty() ? null : "no calibration pair of class " + String.join(", ", missing);
    }

    /** Prints and stores accuracy and confusion counts, the keys prefixed with {@code prefix}. */
    private void report(String task, String label, List<ZeroShotClassifier.Prediction> p, List<String> truth,
                        String prefix, Map<String, Object> results) {
        // Confusion counts (truth -> predicted): accuracy alone hides which class the errors fall into.
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        for (int i = 0; i < truth.size(); i++) {
            confusion.computeIfAbsent(truth.get(i), k -> new LinkedHashMap<>()).merge(p.get(i).label(), 1,
                    Integer::sum);
        }
        double acc = ZeroShotClassifier.accuracyOf(p, truth);
        results.put(prefix + "accuracy", acc);
        results.put(prefix + "confusion", confusion);
        out.printf("zero-shot %-8s%s accuracy %.4f%n", task, label, acc);
        out.printf("  %s%s confusion, truth -> predicted: %s%n", task, label, confusion);
    }

    private static Map<String, String> rounded(Map<String, Double> offsets) {
        Map<String, String> m = new LinkedHashMap<>();
        offsets.forEach((c, v) -> m.put(c, String.format(Locale.ROOT, "%+.3f", v)));
        return m;
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
}
