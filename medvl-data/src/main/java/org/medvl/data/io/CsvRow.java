package org.medvl.data.io;

import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/** One data row of a CSV/TSV file, addressed by header name. */
public record CsvRow(Path file, long line, CSVRecord record, Map<String, Integer> header) implements Row {
    @Override
    public String locator() {
        return "row " + record.getRecordNumber();
    }

    @Override
    public String opt(String column) {
        Integer i = header.get(column);
        if (i == null || i >= record.size()) {
            return null;
        }
        String v = record.get(i);
        return v == null || v.isEmpty() ? null : v;
    }

    public boolean hasColumn(String column) {
        return header.containsKey(column);
    }
}
