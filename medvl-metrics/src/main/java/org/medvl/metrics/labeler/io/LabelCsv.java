package org.medvl.metrics.labeler.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;

/**
 * Label CSVs in the CheXpert labeler's layout: an id column, optionally the report text, then the 14 observation
 * columns with 1 (positive), 0 (negative), -1 (uncertain) or blank (not mentioned).
 */
public final class LabelCsv {
    private LabelCsv() {
    }

    /** Labels with the id of their report. */
    public record Row(String id, ReportLabels labels) {
    }

    /** True when the file is a CSV whose header holds all 14 observation columns. */
    public static boolean isLabelCsv(Path file) {
        if (!file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        try (var r = Files.newBufferedReader(file)) {
            String header = r.readLine();
            if (header == null) {
                return false;
            }
            for (Observation o : Observation.all()) {
                if (!header.contains(o.displayName())) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes atomically; {@code reports} (may be null) adds a "Reports" column with the text, as CheXpert does. */
    public static void write(Path out, List<String> ids, List<String> reports, List<ReportLabels> labels) {
        List<String> header = new ArrayList<>();
        header.add("id");
        if (reports != null) {
            header.add("Reports");
        }
        Observation.all().forEach(o -> header.add(o.displayName()));
        AtomicFiles.writeText(out, w -> {
            // Not closed here: AtomicFiles owns the writer and flushes and closes it after the body.
            CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(new String[0])).get());
            for (int i = 0; i < labels.size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(ids.get(i));
                if (reports != null) {
                    row.add(reports.get(i));
                }
                for (FindingState s : labels.get(i).inOrder()) {
                    row.add(s.chexpertCode());
                }
                p.printRecord(row);
            }
            p.flush();
        });
    }

    /** Reads a label CSV (id column "id", "uid" or "study_id" if present, else the row number). */
    public static List<Row> read(Path file) {
        List<String> cols = Observation.all().stream().map(Observation::displayName).toList();
        List<Row> out = new ArrayList<>();
        CsvRows.forEach(file, cols, row -> {
            List<FindingState> states = new ArrayList<>();
            for (String c : cols) {
                try {
                    states.add(FindingState.fromCode(row.get(c)));
                } catch (IllegalArgumentException e) {
                    throw MedvlException.at(file, row.line(), "column \"" + c + "\": " + e.getMessage());
                }
            }
            String id = row.cells().getOrDefault("id", row.cells().getOrDefault("uid",
                    row.cells().getOrDefault("study_id", String.valueOf(out.size() + 1))));
            out.add(new Row(id, ReportLabels.of(states)));
        });
        return out;
    }
}
