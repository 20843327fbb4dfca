package org.medvl.eval.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medvl.eval.reportgen.ReportEvaluation;
import org.medvl.metrics.caption.CaptionScores;
import org.medvl.metrics.caption.Profile;
import org.medvl.metrics.clinical.ClinicalEfficacy;

/**
 * The side-by-side score table of several report writers on one split: one row per profile and metric (and CE
 * precision / recall / F1 when computed), one column per model. The console and the HTML page print the same rows.
 */
public record ReportScoreTable(List<String> header, List<List<Object>> rows) {
    /** CE rows use R2Gen's definition (positive = 1, micro over the 14 observations), the one most papers report. */
    public static final ClinicalEfficacy.Definition CE_DEFINITION = ClinicalEfficacy.Definition.R2GEN;

    public static ReportScoreTable of(List<ReportEvaluation.Result> results) {
        List<String> header = new ArrayList<>();
        header.add("profile");
        header.add("metric");
        results.forEach(r -> header.add(r.model()));
        List<List<Object>> rows = new ArrayList<>();
        if (results.isEmpty()) {
            return new ReportScoreTable(header, rows);
        }
        for (Profile p : results.get(0).caption().keySet()) {
            CaptionScores first = results.get(0).caption().get(p);
            for (String metric : first.corpus().keySet()) {
                List<Object> row = new ArrayList<>(List.of(p.id(), metric));
                results.forEach(r -> row.add(r.caption().get(p).corpus().get(metric)));
                rows.add(row);
            }
        }
        if (!results.get(0).clinical().isEmpty()) {
            String label = "CE " + CE_DEFINITION.id();
            for (String part : List.of("micro P", "micro R", "micro F1")) {
                List<Object> row = new ArrayList<>(List.of(label, part));
                for (ReportEvaluation.Result r : results) {
                    var prf = r.clinical().get(CE_DEFINITION).micro();
                    row.add(switch (part) {
                        case "micro P" -> prf.precision();
                        case "micro R" -> prf.recall();
                        default -> prf.f1();
                    });
                }
                rows.add(row);
            }
        }
        return new ReportScoreTable(header, rows);
    }

    /** A Markdown table (pipes), numbers with four decimals. */
    public String markdown() {
        StringBuilder sb = new StringBuilder("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) {
            sb.append(i < 2 ? "---|" : "---:|");
        }
        sb.append('\n');
        for (List<Object> row : rows) {
            sb.append('|');
            for (Object v : row) {
                sb.append(' ').append(v instanceof Double d ? String.format(Locale.ROOT, "%.4f", d) : v).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
