package org.medvl.cli.demo.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;

/**
 * The demo's results: one row per metric with the model's score next to a chance level computed from the same data
 * with the same metric code, plus what each step did.
 */
public final class Summary {
    /** One metric: the model's value, the chance level and how that level was obtained. */
    public record Row(String task, String metric, double model, double chance, String chanceIs, int n) {
    }

    /** What a step did: trained, reused (resumed run), or not available with the reason. */
    public record Step(String task, String status, String detail, double seconds) {
    }

    private final String data;
    private final long seed;
    private final boolean synthetic;
    private final List<Row> rows = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();

    public Summary(String data, long seed, boolean synthetic) {
        this.data = data;
        this.seed = seed;
        this.synthetic = synthetic;
    }

    public synchronized void add(Row row) {
        rows.add(row);
    }

    public synchronized void step(Step step) {
        steps.add(step);
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    public synchronized List<Step> steps() {
        return List.copyOf(steps);
    }

    /** True when a step's training failed (the command then exits non-zero). */
    public boolean failed() {
        return steps().stream().anyMatch(s -> s.status().equals("failed"));
    }

    /** The row for a task and metric, or null. */
    public Row row(String task, String metric) {
        return rows().stream().filter(r -> r.task().equals(task) && r.metric().equals(metric)).findFirst()
                .orElse(null);
    }

    /** The table as printed: the model's value next to the chance level, per metric. */
    public void print(PrintStream out) {
        out.println();
        out.println((synthetic ? "SYNTHETIC data (not for clinical use): " : "data: ") + data + ", seed " + seed);
        out.printf("%-8s %-26s %8s %8s  %6s  %s%n", "task", "metric", "model", "chance", "n", "chance is");
        for (Row r : rows()) {
            out.printf("%-8s %-26s %8.4f %8.4f  %6d  %s%n", r.task(), r.metric(), r.model(), r.chance(), r.n(),
                    r.chanceIs());
        }
        for (Step s : steps()) {
            if (!s.status().equals("trained") && !s.status().equals("reused")) {
                out.printf("%-8s %s: %s%n", s.task(), s.status(), s.detail());
            }
        }
    }

    /** Writes the summary as JSON, atomically. */
    public void write(Path file) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("synthetic", synthetic);
        json.put("data", data);
        json.put("seed", seed);
        json.put("rows", rows());
        json.put("steps", steps());
        try {
            AtomicFiles.writeString(file, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(json) + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MedvlException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
