package org.medvl.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medvl.core.io.AtomicFiles;
import org.medvl.eval.vqa.VqaBenchmark;

/** Writes a VQA benchmark result: results.json (scores), predictions.jsonl (per item), report.html. */
public final class VqaReport {
    private VqaReport() {
    }

    public static Map<String, Double> headline(VqaBenchmark.Result r) {
        Map<String, Double> m = new LinkedHashMap<>();
        var s = r.metrics();
        m.put("overall accuracy", s.overall().value());
        m.put("closed accuracy", s.closedAccuracy().value());
        m.put("open exact match", s.openExactMatch().value());
        m.put("open token recall", s.openTokenRecall().value());
        if (s.multipleChoiceAccuracy().n() > 0) {
            m.put("multiple-choice accuracy", s.multipleChoiceAccuracy().value());
        }
        return m;
    }

    public static void write(VqaBenchmark.Result r, Path outDir) {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode summary = json.createObjectNode();
        summary.put("model", r.model());
        summary.set("metrics", json.valueToTree(r.metrics()));
        summary.set("failures", json.valueToTree(r.failures()));
        AtomicFiles.write(outDir.resolve("results.json"), out -> json.writeValue(out, summary));
        ObjectMapper line = new ObjectMapper();
        AtomicFiles.writeText(outDir.resolve("predictions.jsonl"), w -> {
            for (VqaBenchmark.Scored s : r.items()) {
                ObjectNode n = line.createObjectNode();
                n.put("id", s.item().id()).put("question", s.item().question()).put("answer", s.item().answer())
                        .put("answer_type", s.item().answerType().name()).put("question_type", s.item().questionType())
                        .put("raw_answer", s.rawAnswer()).put("prediction", s.prediction())
                        .put("correct", s.correct());
                w.write(n.toString());
                w.write('\n');
            }
        });
        Html h = new Html("medvl VQA benchmark: " + r.model());
        h.heading("Scores").image(Charts.bars("VQA accuracy", headline(r)), "scores").table("metric", "value",
                headline(r));
        Map<String, Double> perType = new LinkedHashMap<>();
        r.metrics().perQuestionType().forEach((t, s) -> perType.put(t, s.accuracy().value()));
        h.heading("Accuracy per question type").table("question type", "accuracy", perType);
        AtomicFiles.writeString(outDir.resolve("report.html"), h.render());
    }
}
