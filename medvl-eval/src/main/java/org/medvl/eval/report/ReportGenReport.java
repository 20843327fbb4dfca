package org.medvl.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medvl.core.io.AtomicFiles;
import org.medvl.eval.reportgen.ReportBenchmark;

/** Writes a report-generation benchmark: results.json, predictions.jsonl, report.html with examples. */
public final class ReportGenReport {
    private ReportGenReport() {
    }

    public static void write(ReportBenchmark.Result r, Path outDir) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = json.createObjectNode();
        summary.put("model", r.model());
        ObjectNode scores = summary.putObject("scores");
        r.scores().forEach((p, s) -> scores.set(p.id(), s == null ? null : json.valueToTree(s.corpus())));
        summary.set("failures", json.valueToTree(r.failures()));
        AtomicFiles.write(outDir.resolve("results.json"), out -> json.writeValue(out, summary));
        ObjectMapper line = new ObjectMapper();
        AtomicFiles.writeText(outDir.resolve("predictions.jsonl"), w -> {
            for (ReportBenchmark.Generated g : r.items()) {
                ObjectNode n = line.createObjectNode();
                n.put("id", g.id()).put("reference", g.reference()).put("generated", g.generated());
                w.write(n.toString());
                w.write('\n');
            }
        });
        Html h = new Html("medvl report-generation benchmark: " + r.model());
        r.scores().forEach((p, s) -> {
            if (s != null) {
                h.heading("Profile " + p.id()).table("metric", "value", new LinkedHashMap<>(s.corpus()));
            }
        });
        h.heading("Examples");
        Map<String, String> examples = new LinkedHashMap<>();
        r.items().stream().limit(5).forEach(g -> examples.put(g.id(), "reference: " + g.reference()
                + "  |  generated: " + g.generated()));
        h.table("case", "texts", examples);
        AtomicFiles.writeString(outDir.resolve("report.html"), h.render());
    }
}
