package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;
import org.medvl.metrics.classification.ClassificationMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl metrics classification}: accuracy, macro AUROC, per-class P/R/F1 and ECE of (zero-shot) predictions. */
@Command(name = "classification", mixinStandardHelpOptions = true,
        description = "Classification / zero-shot scores: accuracy, macro AUROC, per-class P/R/F1, ECE (15 bins).",
        footer = {"", "Input: JSON Lines {\"label\": class index or name, \"probs\": [one probability per class]}; "
                + "give --classes when labels are names. The prediction is the arg-max of probs.", "",
                "Example:", "  medvl metrics classification --in zero-shot.jsonl --classes normal,pneumonia,covid"})
public final class ClassificationCommand implements Callable<Integer> {
    @Mixin
    ResultOutput output;

    @Option(names = "--in", required = true, paramLabel = "FILE.jsonl", description = "Labels and probabilities.")
    Path in;

    @Option(names = "--classes", split = ",", paramLabel = "A,B,...", description = "Class names in probs order.")
    List<String> classes;

    @Option(names = "--bins", defaultValue = "15", description = "ECE bins (default ${DEFAULT-VALUE}).")
    int bins;

    @Override
    public Integer call() {
        output.checkWritable();
        List<Integer> labels = new ArrayList<>();
        List<double[]> probs = new ArrayList<>();
        JsonLines.forEach(in, line -> {
            JsonNode p = line.json().get("probs");
            if (p == null || !p.isArray() || p.isEmpty()) {
                throw MedvlException.at(in, line.number(), "field \"probs\" must be a non-empty array of numbers");
            }
            double[] row = new double[p.size()];
            for (int i = 0; i < row.length; i++) {
                if (!p.get(i).isNumber()) {
                    throw MedvlException.at(in, line.number(), "probs[" + i + "] is not a number");
                }
                row[i] = p.get(i).asDouble();
            }
            if (!probs.isEmpty() && row.length != probs.get(0).length) {
                throw MedvlException.at(in, line.number(), row.length + " probabilities, expected "
                        + probs.get(0).length);
            }
            if (classes != null && row.length != classes.size()) {
                throw MedvlException.at(in, line.number(), row.length + " probabilities but " + classes.size()
                        + " --classes");
            }
            labels.add(label(line, row.length));
            probs.add(row);
        });
        if (labels.isEmpty()) {
            throw new MedvlException(in + ": no predictions");
        }
        int k = probs.get(0).length;
        int[] y = labels.stream().mapToInt(Integer::intValue).toArray();
        double[][] s = probs.toArray(new double[0][]);
        int[] pred = ClassificationMetrics.argmax(s);
        double acc = ClassificationMetrics.accuracy(y, pred);
        ClassificationMetrics.MacroAuroc auc = ClassificationMetrics.macroAuroc(y, s);
        double ece = ClassificationMetrics.ece(s, y, bins);
        List<ClassificationMetrics.ClassScore> per = ClassificationMetrics.perClass(y, pred, k);
        double macroF1 = ClassificationMetrics.macroF1(y, pred, k);
        output.console().printf("classification on %,d items, %d classes%n%n", y.length, k);
        output.console().printf("accuracy %.4f | macro AUROC %.4f (%d classes%s) | macro F1 %.4f | ECE(%d bins) %.4f%n%n", acc,
                auc.value(), auc.classesScored(), auc.classesSkipped().isEmpty() ? ""
                        : "; skipped, one class only in labels: " + names(auc.classesSkipped()), macroF1, bins, ece);
        output.console().printf("| class | support | precision | recall | F1 |%n|---|---:|---:|---:|---:|%n");
        ObjectNode json = JsonLines.MAPPER.createObjectNode();
        json.put("items", y.length);
        json.put("accuracy", acc);
        json.put("macro_auroc", auc.value());
        json.put("macro_f1", macroF1);
        json.put("ece", ece);
        json.put("ece_bins", bins);
        ArrayNode skipped = json.putArray("auroc_skipped_classes");
        names(auc.classesSkipped()).forEach(skipped::add);
        ArrayNode pc = json.putArray("per_class");
        for (ClassificationMetrics.ClassScore c : per) {
            String name = name(c.label());
            output.console().printf("| %s | %d | %.4f | %.4f | %.4f |%n", name, c.support(), c.prf().precision(),
                    c.prf().recall(), c.prf().f1());
            ObjectNode o = ClinicalCommand.prf(c.prf());
            o.put("class", name);
            o.put("support", c.support());
            pc.add(o);
        }
        output.write(json);
        return 0;
    }

    private int label(JsonLines.Line line, int k) {
        JsonNode l = line.json().get("label");
        if (l == null || l.isNull()) {
            throw MedvlException.at(in, line.number(), "missing field \"label\"");
        }
        int idx;
        if (l.isInt()) {
            idx = l.asInt();
        } else if (classes != null && classes.contains(l.asText())) {
            idx = classes.indexOf(l.asText());
        } else {
            throw MedvlException.at(in, line.number(), "label \"" + l.asText() + "\" is not a class index"
                    + (classes == null ? " (give --classes to use names)" : " or one of " + classes));
        }
        if (idx < 0 || idx >= k) {
            throw MedvlException.at(in, line.number(), "label " + idx + " outside 0.." + (k - 1));
        }
        return idx;
    }

    private String name(int c) {
        return classes == null ? String.valueOf(c) : classes.get(c);
    }

    private List<String> names(List<Integer> cs) {
        return cs.stream().map(this::name).toList();
    }
}
