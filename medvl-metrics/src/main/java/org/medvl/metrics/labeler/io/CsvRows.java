package org.medvl.metrics.labeler.io;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;

/**
 * Streams the rows of a CSV file with a header line (RFC 4180, quoted fields may hold commas and newlines; read with
 * Apache Commons CSV), strict UTF-8, every error naming the file and line.
 */
public final class CsvRows {
    private CsvRows() {
    }

    /** One data row: its first line number in the file and the cells by column name. */
    public record Row(Path file, long line, Map<String, String> cells) {
        /** A cell of a required column (present in the header, so never missing); never null. */
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }
    }

    /** Calls {@code sink} for each row; fails naming the file when a required column is absent from the header. */
    public static void forEach(Path file, List<String> requiredColumns, Consumer<Row> sink) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        try (Reader in = JsonLines.strictUtf8Reader(file); CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            for (String c : requiredColumns) {
                if (!header.contains(c)) {
                    throw MedvlException.at(file, 1, "missing column \"" + c + "\" (header: " + header + ")");
                }
            }
            long line = 2;
            var it = parser.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw MedvlException.at(file, parser.getCurrentLineNumber(), "malformed CSV: "
                            + (e.getCause() instanceof CharacterCodingException ? "invalid UTF-8" : e.getMessage()));
                }
                if (!r.isConsistent()) {
                    throw MedvlException.at(file, line, "expected " + header.size() + " fields, found " + r.size());
                }
                sink.accept(new Row(file, line, r.toMap()));
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (NoSuchFileException e) {
            throw new MedvlException("file not found: " + file);
        } catch (IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new MedvlException(file + ": malformed CSV header: " + e.getMessage());
        }
    }
}
