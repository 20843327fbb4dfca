package org.medvl.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medvl.core.io.AtomicFiles;
import org.medvl.eval.reportgen.ReportEvaluation;
import org.medvl.metrics.clinical.ClinicalEfficacy;

/**
 * Writes the outputs of {@code medvl eval report}: {@code results.json} (every model's corpus scores, CE under every
 * definition, failures, timing), {@code predictions-MODEL.jsonl} per model (id, images, reference, generated) and
 * {@code report.html} (the side-by-side score table and a few examples with image thumbnails). Each file is written
 * atomically.
 */
public final class ReportComparison {
    private static final int THUMBNAIL_SIDE = 160;

    private ReportComparison() {
    }

    /** The per-model predictions file name: the model name reduced to safe characters. */
    public static String predictionsFile(String model) {
        return "predictions-" + model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-") + ".jsonl";
    }

    public static void write(String dataset, List<ReportEvaluation.Result> results, Path outDir, int examples) {
        ReportScoreTable table = ReportScoreTable.of(results);
        writeJson(dataset, results, table, outDir);
        ObjectMapper line = new ObjectMapper();
        for (ReportEvaluation.Result r : results) {
            AtomicFiles.writeText(outDir.resolve(predictionsFile(r.model())), w -> {
                for (ReportEvaluation.Generated g : r.items()) {
                    ObjectNode n = line.createObjectNode();
                    n.put("id", g.id());
                    ArrayNode imgs = n.putArray("images");
                    g.images().forEach(p -> imgs.add(p.toString()));
                    n.put("reference", g.reference()).put("generated", g.generated());
                    w.write(n.toString());
                    w.write('\n');
                }
            });
        }
        AtomicFiles.writeString(outDir.resolve("report.html"), html(dataset, results, table, examples));
    }

    private static void writeJson(String dataset, List<ReportEvaluation.Result> results, ReportScoreTable table,
                                  Path outDir) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("dataset", dataset);
        root.put("studies", results.isEmpty() ? 0 : results.get(0).items().size());
        ArrayNode models = root.putArray("models");
        for (int i = 0; i < results.size(); i++) {
            ReportEvaluation.Result r = results.get(i);
            ObjectNode m = models.addObject();
            m.put("model", r.model());
            m.put("predictions", predictionsFile(r.model()));
            ObjectNode scores = m.putObject("scores");
            r.caption().forEach((p, s) -> scores.set(p.id(), json.valueToTree(s.corpus())));
            if (!r.clinical().isEmpty()) {
                ObjectNode ce = m.putObject("clinical");
                r.clinical().forEach((d, res) -> ce.set(d.id(), clinicalJson(json, res)));
            }
            m.set("failures", json.valueToTree(r.failures()));
            m.put("from_cache", r.fromCache()).put("written", r.written()).put("seconds", r.seconds());
        }
        root.set("table", json.valueToTree(table));
        AtomicFiles.write(outDir.resolve("results.json"), out -> json.writeValue(out, root));
    }

    private static ObjectNode clinicalJson(ObjectMapper json, ClinicalEfficacy.Result r) {
        ObjectNode n = json.createObjectNode();
        n.set("micro", json.valueToTree(r.micro()));
        n.set("macro", json.valueToTree(r.macro()));
        if (r.examples() != null) {
            n.set("example_based", json.valueToTree(r.examples()));
        }
        return n;
    }

    private static String html(String dataset, List<ReportEvaluation.Result> results, ReportScoreTable table,
                               int examples) {
        Html h = new Html("medvl report generation: " + dataset);
        int n = results.isEmpty() ? 0 : results.get(0).items().size();
        boolean ce = !results.isEmpty() && !results.get(0).clinical().isEmpty();
        h.paragraph(n + " studies; corpus scores" + (ce ? " (CE: " + ReportScoreTable.CE_DEFINITION.id()
                + " definition, micro over the 14 observations of the findings labeler)" : "") + ".");
        h.heading("Scores");
        h.grid(table.header(), table.rows());
        Map<String, Integer> failed = new LinkedHashMap<>();
        results.forEach(r -> failed.put(r.model(), r.failures().size()));
        if (failed.values().stream().anyMatch(c -> c > 0)) {
            h.paragraph("Studies whose generation failed (scored as empty reports): " + failed);
        }
        h.heading("Examples");
        for (int i = 0; i < Math.min(examples, n); i++) {
            ReportEvaluation.Generated g = results.get(0).items().get(i);
            h.paragraph("Study " + g.id() + " (" + g.images().size() + " image" + (g.images().size() == 1 ? "" : "s")
                    + ")");
            for (Path img : g.images().subList(0, Math.min(4, g.images().size()))) {
                Thumbnails.dataUrl(img, THUMBNAIL_SIDE).ifPresentOrElse(url -> h.image(url, img.getFileName().toString()),
                        () -> h.paragraph("(image could not be read: " + img.getFileName() + ")"));
            }
            List<List<?>> rows = new ArrayList<>();
            rows.add(List.of("reference", g.reference()));
            for (ReportEvaluation.Result r : results) {
                rows.add(List.of(r.model(), r.items().get(i).generated()));
            }
            h.grid(List.of("source", "text"), rows);
        }
        return h.render();
    }
}
