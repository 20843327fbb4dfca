package org.medvl.models.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.MedvlException;

/**
 * The per-epoch training log of a run: {@code metrics.jsonl} (one JSON object per epoch) and PNG plots under
 * {@code plots/} — loss, learning rate, and every validation metric (e.g. R@K) against the epoch. Rewritten whole
 * and atomically from the run's history after each epoch, so a resumed run's log never holds entries from steps
 * that were redone.
 */
public final class MetricsLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path runDir;

    public MetricsLog(Path runDir) {
        this.runDir = runDir;
    }

    public Path jsonl() {
        return runDir.resolve("metrics.jsonl");
    }

    public void write(List<Map<String, Object>> history) {
        AtomicFiles.writeText(jsonl(), w -> {
            for (Map<String, Object> m : history) {
                w.write(JSON.writeValueAsString(m));
                w.write('\n');
            }
        });
        plot(history, "loss", "loss", List.of("train_loss"));
        plot(history, "learning_rate", "learning rate", List.of("learning_rate"));
        TreeSet<String> validation = new TreeSet<>();
        history.forEach(m -> m.keySet().stream().filter(k -> k.startsWith("val_") && k.contains("R@") && !k.contains("random"))
                .forEach(validation::add));
        if (!validation.isEmpty()) {
            plot(history, "validation", "validation", List.copyOf(validation));
        }
    }

    private void plot(List<Map<String, Object>> history, String file, String yTitle, List<String> keys) {
        XYChart chart = new XYChartBuilder().width(640).height(400).title(yTitle).xAxisTitle("epoch")
                .yAxisTitle(yTitle).build();
        for (String key : keys) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (Map<String, Object> m : history) {
                if (m.get(key) instanceof Number n) {
                    x.add(((Number) m.get("epoch")).doubleValue());
                    y.add(n.doubleValue());
                }
            }
            if (!x.isEmpty()) {
                chart.addSeries(key, x, y);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return;
        }
        AtomicFiles.write(runDir.resolve("plots").resolve(file + ".png"), out -> {
            try {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            } catch (IOException e) {
                throw new MedvlException("cannot draw plot " + file + ": " + e.getMessage(), e);
            }
        });
    }
}
