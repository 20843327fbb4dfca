package org.medvl.models.report.baseline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ReportWriter;

/**
 * The "most common report" baseline: writes the same training report for every study, so a model's scores can be
 * read against what knowing only the report distribution gives.
 *
 * <p>Reports are counted after trimming and collapsing runs of whitespace (so line-wrapping differences do not split a
 * count); the most frequent wins, and among equally frequent reports the lexicographically smallest (Java
 * {@code String.compareTo}) wins, so the choice does not depend on the order of the training file.
 */
public final class ConstantReportWriter implements ReportWriter {
    public static final String NAME = "constant";

    private final String report;
    private final int count;
    private final int total;

    private ConstantReportWriter(String report, int count, int total) {
        this.report = report;
        this.count = count;
        this.total = total;
    }

    /** Picks the most common non-blank report of the training set. */
    public static ConstantReportWriter fit(List<String> trainingReports) {
        Map<String, Integer> counts = new HashMap<>();
        for (String r : trainingReports) {
            String key = normalise(r);
            if (!key.isEmpty()) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            throw new MedvlException("constant baseline: the training split has no non-empty reports");
        }
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            int c = e.getValue();
            if (c > bestCount || (c == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return new ConstantReportWriter(best, bestCount, counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    static String normalise(String report) {
        return report == null ? "" : report.strip().replaceAll("\\s+", " ");
    }

    /** The report written for every study. */
    public String report() {
        return report;
    }

    /** How many training reports equal {@link #report()}. */
    public int count() {
        return count;
    }

    /** How many non-empty training reports were counted. */
    public int total() {
        return total;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String writeReport(List<Path> images) {
        return report;
    }
}
