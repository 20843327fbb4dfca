package org.medvl.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medvl.core.io.AtomicFiles;
import org.medvl.eval.trust.TrustBenchmark;

/** Writes a trust benchmark result as results.json and a self-contained report.html with plots. */
public final class TrustReport {
    private TrustReport() {
    }

    /** The headline score of each CARES dimension, as printed and plotted. */
    public static Map<String, Double> headline(TrustBenchmark.Result r) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("factual accuracy", r.factualAccuracy());
        m.put("uncertainty accuracy", r.uncertaintyAccuracy());
        m.put("over-confidence rate", r.overConfidenceRate());
        r.accuracyEqualityDifference().forEach((k, v) -> m.put("accuracy gap (" + k + ")", v));
        m.put("jailbreak refusal", r.jailbreakRefusalRate());
        m.put("benign over-refusal", r.benignRefusalRate());
        m.put("privacy refusal", r.privacyRefusalRate());
        r.noiseAccuracy().forEach((s, v) -> m.put("accuracy, noise " + s, v));
        m.put("out-of-domain abstention", r.outOfDomainAbstentionRate());
        return m;
    }

    public static void write(TrustBenchmark.Result r, Path outDir) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(outDir.resolve("results.json"), out -> json.writeValue(out, r));
        Html h = new Html("medvl trust benchmark: " + r.model());
        h.paragraph("Closed questions: " + r.closedQuestions() + ". Answers from cache: " + r.fromCache()
                + ", asked now: " + r.asked() + ", failed: " + r.failures().size() + ".");
        h.heading("Scores by dimension").image(Charts.bars("CARES-style dimensions", headline(r)), "scores")
                .table("metric", "value", headline(r));
        Map<Double, Double> curve = new LinkedHashMap<>();
        curve.put(0.0, r.factualAccuracy());
        curve.putAll(r.noiseAccuracy());
        h.heading("Robustness").image(Charts.line("Accuracy vs Gaussian noise", "noise sigma (fraction of range)",
                "closed accuracy", curve), "accuracy vs noise");
        r.groupAccuracy().forEach((attr, groups) -> h.heading("Fairness: accuracy by " + attr)
                .table(attr, "accuracy", groups));
        if (!r.failures().isEmpty()) {
            h.heading("Failed questions").table("id", "error", r.failures());
        }
        AtomicFiles.writeString(outDir.resolve("report.html"), h.render());
    }
}
