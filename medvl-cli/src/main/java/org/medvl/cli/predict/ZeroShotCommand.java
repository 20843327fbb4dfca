package org.medvl.cli.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.models.clip.ClipEncoder;
import org.medvl.models.clip.ClipEncoders;
import org.medvl.models.clip.ZeroShotClassifier;
import org.medvl.models.clip.ZeroShotOffsets;
import org.medvl.models.clip.ZeroShotPrompts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medvl predict zeroshot}: classify images from text prompts with a CLIP-style model. */
@Command(name = "zeroshot", mixinStandardHelpOptions = true,
        description = "Zero-shot classification of images from text prompts (prompt ensembles)")
public final class ZeroShotCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A medvl CLIP checkpoint or an ONNX export directory")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (PNG, JPEG, DICOM, ...)")
    List<Path> images;

    @Option(names = "--classes", split = ",", description = "Class names, e.g. CT,MR")
    List<String> classes;

    @Option(names = "--template", description = "Prompt template(s) with {} for the class name (repeatable); "
            + "default: \"{}\" and \"a {} image\"")
    List<String> templates;

    @Option(names = "--task", description = "A built-in prompt ensemble instead of --classes: modality or plane")
    String task;

    @Option(names = "--prompts", paramLabel = "FILE",
            description = "With --task: take that task's prompt ensemble from this JSON file (as eval retrieval)")
    Path promptsFile;

    @Option(names = "--no-training-format-prompts",
            description = "With --task: do not add the classes written in the model's training text format "
                    + "(e.g. \"CT Axial.\") to the ensemble")
    boolean noTrainingFormat;

    @Option(names = "--prompt-aggregation", defaultValue = "mean", paramLabel = "mean|sum",
            description = "How a class's prompts combine: mean (one embedding per class, the mean of its prompts') or "
                    + "sum (each prompt a subclass; the class's probability is the sum of its prompts'; give the "
                    + "classes equally many prompts) (default ${DEFAULT-VALUE})")
    String promptAggregation;

    @Option(names = "--image-views", defaultValue = "1", paramLabel = "N",
            description = "Embed each image as the mean over N views (the image and N-1 training-like "
                    + "augmentations; medvl checkpoints; default ${DEFAULT-VALUE})")
    int imageViews;

    @Option(names = "--offsets", paramLabel = "FILE",
            description = "With --task: add that task's per-class logit offsets from this file (as eval retrieval "
                    + "--fit-offsets-out writes them, fitted on a validation split)")
    Path offsetsFile;

    @Option(names = "--out", description = "Also write the predictions as JSON to this file")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        Map<String, List<String>> prompts = prompts();
        ZeroShotClassifier.Aggregation aggregation = ZeroShotPrompts.aggregation(promptAggregation);
        for (Path p : images) {
            if (!Files.isRegularFile(p)) {
                throw new MedvlException("image " + p + " does not exist");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        try (ClipEncoder enc = ClipEncoders.open(model, imageViews)) {
            if (task != null && !noTrainingFormat) {
                prompts = ZeroShotPrompts.withTrainingFormat(task, prompts, enc.textTemplate());
            }
            ZeroShotClassifier zs = withOffsets(new ZeroShotClassifier(enc, prompts, aggregation));
            List<ZeroShotClassifier.Prediction> preds = zs.classify(images);
            ObjectMapper om = new ObjectMapper();
            ObjectNode json = om.createObjectNode();
            for (int i = 0; i < images.size(); i++) {
                ZeroShotClassifier.Prediction p = preds.get(i);
                StringBuilder sb = new StringBuilder();
                p.probabilities().forEach((c, v) -> sb.append(String.format("  %s %.3f", c, v)));
                out.printf("%s\t%s\t%.3f\t%s%n", images.get(i), p.label(), p.probability(), sb.toString().trim());
                json.set(images.get(i).toString(), om.valueToTree(p));
            }
            if (outFile != null) {
                AtomicFiles.writeString(outFile, om.writerWithDefaultPrettyPrinter().writeValueAsString(json));
                out.println("predictions: " + outFile);
            }
        }
        return 0;
    }

    private ZeroShotClassifier withOffsets(ZeroShotClassifier zs) {
        if (offsetsFile == null) {
            return zs;
        }
        Map<String, Double> offsets = ZeroShotOffsets.read(offsetsFile).get(task);
        if (offsets == null) {
            throw new MedvlException("offsets file " + offsetsFile + " has no offsets for task " + task);
        }
        try {
            return zs.withOffsets(offsets);
        } catch (IllegalArgumentException e) {
            throw new MedvlException("offsets file " + offsetsFile + ": " + task + ": " + e.getMessage());
        }
    }

    private Map<String, List<String>> prompts() {
        if (task != null) {
            if (classes != null) {
                throw new MedvlException("give either --task or --classes, not both");
            }
            if (!task.equals("modality") && !task.equals("plane")) {
                throw new MedvlException("--task: unknown task '" + task + "' (expected modality or plane)");
            }
            if (promptsFile != null) {
                return ZeroShotPrompts.read(promptsFile).get(task);
            }
            return ZeroShotPrompts.builtIn().get(task);
        }
        if (promptsFile != null || offsetsFile != null) {
            throw new MedvlException((promptsFile != null ? "--prompts" : "--offsets")
                    + " goes with --task (modality or plane)");
        }
        if (classes == null || classes.isEmpty()) {
            throw new MedvlException("give the classes: --classes CT,MR (or --task modality)");
        }
        List<String> t = templates == null || templates.isEmpty() ? List.of("{}", "a {} image") : templates;
        for (String s : t) {
            if (!s.contains("{}")) {
                throw new MedvlException("--template '" + s + "' has no {} for the class name");
            }
        }
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (String c : classes) {
            m.put(c.trim(), t.stream().map(s -> s.replace("{}", c.trim())).toList());
        }
        return m;
    }
}
