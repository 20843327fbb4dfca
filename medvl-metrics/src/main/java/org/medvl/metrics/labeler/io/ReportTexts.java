package org.medvl.metrics.labeler.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;

/**
 * Reads report texts from the formats users have: CSV with a header (text from one or more columns, joined with
 * ". "), JSON Lines (text from one or more fields) or plain text (one report a non-blank line). Errors name the file
 * and line.
 */
public final class ReportTexts {
    private ReportTexts() {
    }

    /** One report: an id (from the id column, else the 1-based record number), its text and its line in the file. */
    public record Report(String id, String text, long line) {
    }

    /**
     * Reads every report. {@code columns}: CSV columns or JSON fields holding the text (ignored for .txt);
     * {@code idColumn}: column/field with the report id, or null to use "uid", "id", "study_id" when present.
     */
    public static List<Report> read(Path file, List<String> columns, String idColumn) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return readCsv(file, columns, idColumn);
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return readJsonl(file, columns, idColumn);
        }
        if (name.endsWith(".txt")) {
            return readText(file);
        }
        throw new MedvlException(file + ": unknown input format; use .csv, .jsonl or .txt");
    }

    private static List<Report> readCsv(Path file, List<String> columns, String idColumn) {
        List<Report> out = new ArrayList<>();
        String[] id = {idColumn};
        CsvRows.forEach(file, columns, row -> {
            if (id[0] == null) {
                id[0] = firstPresent(row.cells().keySet(), "");
            }
            StringBuilder text = new StringBuilder();
            for (String c : columns) {
                append(text, row.get(c));
            }
            String rid = id[0].isEmpty() ? String.valueOf(out.size() + 1) : row.get(id[0]);
            if (!id[0].isEmpty() && !row.cells().containsKey(id[0])) {
                throw MedvlException.at(file, 1, "missing id column \"" + id[0] + "\"");
            }
            out.add(new Report(rid, text.toString(), row.line()));
        });
        return out;
    }

    private static List<Report> readJsonl(Path file, List<String> columns, String idColumn) {
        List<Report> out = new ArrayList<>();
        JsonLines.forEach(file, line -> {
            StringBuilder text = new StringBuilder();
            for (String c : columns) {
                append(text, line.text(c));
            }
            String rid;
            if (idColumn != null) {
                rid = line.text(idColumn);
            } else {
                JsonNode idNode = null;
                for (String k : List.of("uid", "id", "study_id")) {
                    idNode = idNode == null ? line.json().get(k) : idNode;
                }
                rid = idNode == null || idNode.isNull() ? String.valueOf(out.size() + 1) : idNode.asText();
            }
            out.add(new Report(rid, text.toString(), line.number()));
        });
        return out;
    }

    private static List<Report> readText(Path file) {
        List<Report> out = new ArrayList<>();
        try (BufferedReader r = JsonLines.strictUtf8Reader(file)) {
            String line;
            long n = 0;
            while (true) {
                try {
                    line = r.readLine();
                } catch (CharacterCodingException e) {
                    throw MedvlException.at(file, n + 1, "invalid UTF-8");
                }
                if (line == null) {
                    break;
                }
                n++;
                if (!line.isBlank()) {
                    out.add(new Report(String.valueOf(out.size() + 1), line.strip(), n));
                }
            }
        } catch (NoSuchFileException e) {
            throw new MedvlException("file not found: " + file);
        } catch (IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static String firstPresent(java.util.Set<String> header, String fallback) {
        for (String k : List.of("uid", "id", "study_id")) {
            if (header.contains(k)) {
                return k;
            }
        }
        return fallback;
    }

    /** Joins sections with a sentence break, so a section without a final period cannot run into the next one. */
    private static void append(StringBuilder text, String part) {
        String p = part == null ? "" : part.strip();
        if (p.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append(" .\n");
        }
        text.append(p);
    }
}
