package org.medvl.data.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.medvl.data.ProblemLog;

/**
 * Streams the records of dataset files (JSON arrays, JSON Lines, CSV/TSV, pipe-separated text) lazily, in bounded
 * memory, with strict UTF-8 and transparent .gz. A broken file is logged (and throws in strict mode); in lenient mode
 * its readable records still come out: a bad JSONL line or CSV row is skipped and reading goes on, while a syntax error
 * inside a JSON array ends that file at the error since nothing after it can be parsed reliably.
 */
public final class Sources {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private Sources() {
    }

    /** The elements of a top-level JSON array. */
    public static Stream<JsonRow> jsonArray(Path file, ProblemLog log) {
        return jsonRecords(file, log, false);
    }

    /** The elements of every array in a top-level object {"train": [...], "val": [...]}, grouped by key. */
    public static Stream<JsonRow> jsonKeyedArrays(Path file, ProblemLog log) {
        return jsonRecords(file, log, true);
    }

    /** One JSON object per non-blank line; a bad line is logged and skipped. */
    public static Stream<JsonRow> jsonLines(Path file, ProblemLog log) {
        long[] index = {0};
        return lines(file, log, (n, line) -> {
            index[0]++;
            try {
                JsonNode node = MAPPER.readTree(line);
                if (node.isObject()) {
                    return new JsonRow(file, n, index[0], null, node);
                }
                log.skipped(file, n, null, "expected a JSON object per line");
            } catch (JsonProcessingException e) {
                log.skipped(file, n, null, "invalid JSON: " + e.getOriginalMessage());
            }
            return null;
        });
    }

    /** A line of text mapped to a record, or null to skip it. */
    private interface LineMapper<T> {
        T map(long number, String line);
    }

    /**
     * The non-blank lines of a text file (strict UTF-8, a leading BOM dropped) through {@code mapper}; invalid UTF-8
     * is logged and ends the file, since the decoder cannot resynchronise reliably.
     */
    private static <T> Stream<T> lines(Path file, ProblemLog log, LineMapper<T> mapper) {
        BufferedReader in = openReader(file, log);
        if (in == null) {
            return Stream.empty();
        }
        return new SourceIterator<T>() {
            long n;

            @Override
            protected T advance() throws IOException {
                while (true) {
                    String line;
                    try {
                        line = in.readLine();
                    } catch (CharacterCodingException e) {
                        log.skipped(file, n + 1, null, "invalid UTF-8; rest of file skipped");
                        return null;
                    }
                    if (line == null) {
                        return null;
                    }
                    n++;
                    line = n == 1 ? stripBom(line) : line;
                    if (!line.isBlank()) {
                        T t = mapper.map(n, line);
                        if (t != null) {
                            return t;
                        }
                    }
                }
            }

            @Override
            protected void release() throws IOException {
                in.close();
            }
        }.stream();
    }

    private static Stream<JsonRow> jsonRecords(Path file, ProblemLog log, boolean keyed) {
        InputStream in = openStream(file, log);
        if (in == null) {
            return Stream.empty();
        }
        JsonParser p;
        try {
            p = FACTORY.createParser(in);
        } catch (IOException e) {
            log.skipped(file, 0, null, "cannot read: " + e.getMessage());
            return Stream.empty();
        }
        return new SourceIterator<JsonRow>() {
            boolean started;
            String group;
            long index;

            @Override
            protected JsonRow advance() throws IOException {
                try {
                    if (!started) {
                        started = true;
                        JsonToken first = p.nextToken();
                        JsonToken want = keyed ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
                        if (first != want) {
                            log.skipped(file, p.currentLocation().getLineNr(), null, "expected a JSON "
                                    + (keyed ? "object of arrays" : "array") + " at the top level");
                            return null;
                        }
                    }
                    while (true) {
                        JsonToken t = p.nextToken();
                        if (t == null) {
                            return null;
                        }
                        if (keyed && t == JsonToken.FIELD_NAME) {
                            group = p.currentName();
                            JsonToken v = p.nextToken();
                            if (v != JsonToken.START_ARRAY) {
                                log.skipped(file, p.currentLocation().getLineNr(), null,
                                        "value of \"" + group + "\" is not an array");
                                p.skipChildren();
                            }
                            continue;
                        }
                        if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                            continue;
                        }
                        long line = p.currentTokenLocation().getLineNr();
                        index++;
                        JsonNode node = MAPPER.readTree(p);
                        if (node.isObject()) {
                            return new JsonRow(file, line, index, group, node);
                        }
                        log.skipped(file, line, "record " + index, "expected a JSON object");
                    }
                } catch (JsonProcessingException e) {
                    long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                    log.skipped(file, line, null, "invalid JSON: " + e.getOriginalMessage() + "; rest of file skipped");
                    return null;
                }
            }

            @Override
            protected void release() throws IOException {
                p.close();
            }
        }.stream();
    }

    /**
     * The rows of a CSV (or TSV with {@code delimiter '\t'}) file with a header line. A header that lacks one of
     * {@code required} columns skips the file; a row with a different number of fields than the header is skipped.
     */
    public static Stream<CsvRow> csv(Path file, char delimiter, ProblemLog log, String... required) {
        Reader in = openReader(file, log);
        if (in == null) {
            return Stream.empty();
        }
        CSVParser parser;
        Map<String, Integer> header = new HashMap<>();
        try {
            parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                    .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get().parse(in);
            List<String> names = parser.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                header.putIfAbsent(stripBom(names.get(i)).trim(), i);
            }
        } catch (IOException | RuntimeException e) {
            close(in);
            log.skipped(file, 1, null, "cannot read the CSV header: " + e.getMessage());
            return Stream.empty();
        }
        List<String> missing = Arrays.stream(required).filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            close(in);
            log.skipped(file, 1, null, "missing column" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (header has: " + String.join(", ", parser.getHeaderNames()) + ")");
            return Stream.empty();
        }
        var records = parser.iterator();
        int width = parser.getHeaderNames().size();
        return new SourceIterator<CsvRow>() {
            long lastLine = parser.getCurrentLineNumber();

            @Override
            protected CsvRow advance() {
                while (true) {
                    CSVRecord r;
                    try {
                        if (!records.hasNext()) {
                            return null;
                        }
                        r = records.next();
                    } catch (RuntimeException e) {
                        log.skipped(file, lastLine + 1, null, "cannot parse CSV: " + rootMessage(e)
                                + "; rest of file skipped");
                        return null;
                    }
                    long line = lastLine + 1;
                    lastLine = parser.getCurrentLineNumber();
                    if (r.size() != width) {
                        log.skipped(file, line, "row " + r.getRecordNumber(),
                                "has " + r.size() + " fields, the header has " + width);
                        continue;
                    }
                    return new CsvRow(file, line, r, header);
                }
            }

            @Override
            protected void release() throws IOException {
                parser.close();
            }
        }.stream();
    }

    /** Lines split on {@code separator} (a literal, not a regex), without a header. */
    public static Stream<TextRow> delimitedLines(Path file, String separator, ProblemLog log) {
        Pattern sep = Pattern.compile(Pattern.quote(separator));
        return lines(file, log, (n, line) -> new TextRow(file, n, new ArrayList<>(Arrays.asList(sep.split(line, -1)))));
    }

    /** Maps rows to records; a row whose mapping throws {@link BadRecord} is logged with its location and skipped. */
    public static <R extends Row, T> Stream<T> map(Stream<R> rows, ProblemLog log, Function<R, T> mapping) {
        return rows.map(r -> {
            try {
                return mapping.apply(r);
            } catch (BadRecord e) {
                log.skipped(r.file(), r.line(), r.locator(), e.getMessage());
                return null;
            }
        }).filter(java.util.Objects::nonNull);
    }

    /** A whole JSON document (for small files keyed by id, e.g. FFA-IR's annotation); null (logged) when broken. */
    public static JsonNode jsonTree(Path file, ProblemLog log) {
        InputStream in = openStream(file, log);
        if (in == null) {
            return null;
        }
        try (in) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            log.skipped(file, line, null, "invalid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            log.skipped(file, 0, null, "cannot read: " + e.getMessage());
        }
        return null;
    }

    /** Reads a whole small text file (a report .txt), strict UTF-8; null (logged) when unreadable. */
    public static String readText(Path file, ProblemLog log) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            log.skipped(file, 0, null, "file not found");
        } catch (CharacterCodingException e) {
            log.skipped(file, 0, null, "invalid UTF-8");
        } catch (IOException e) {
            log.skipped(file, 0, null, "cannot read: " + e.getMessage());
        }
        return null;
    }

    private static InputStream openStream(Path file, ProblemLog log) {
        try {
            InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
            return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
        } catch (NoSuchFileException e) {
            log.skipped(file, 0, null, "file not found");
        } catch (IOException e) {
            log.skipped(file, 0, null, "cannot read: " + e.getMessage());
        }
        return null;
    }

    private static BufferedReader openReader(Path file, ProblemLog log) {
        InputStream in = openStream(file, log);
        if (in == null) {
            return null;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    private static void close(Reader in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // read-only
        }
    }
}
