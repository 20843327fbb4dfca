package org.medvl.metrics.caption;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;

/**
 * Reads caption evaluation inputs: a pairs file (JSONL, one {@code {"refs": [...], "hyp": "..."}} per line, optional
 * {@code id}), or a references file and a hypotheses file, each either line-aligned text (one text a line; one
 * reference per item) or JSONL keyed by {@code id} ({@code refs} array or {@code ref}/{@code text} string;
 * {@code hyp}/{@code text}). Every error names the file, and the line where there is one.
 */
public final class CaptionInputs {
    /** Items in input order; {@code ids} is empty when the inputs carry none. */
    public record Items(List<String> ids, List<List<String>> refs, List<String> hyps) {
    }

    private CaptionInputs() {
    }

    public static Items pairs(Path file) {
        List<String> ids = new ArrayList<>();
        List<List<String>> refs = new ArrayList<>();
        List<String> hyps = new ArrayList<>();
        Map<String, Long> seen = new LinkedHashMap<>();
        forEachJson(file, line -> {
            refs.add(refList(line, "refs"));
            hyps.add(line.text("hyp"));
            JsonNode id = line.json().get("id");
            if (id != null && !id.isNull()) {
                Long first = seen.putIfAbsent(id.asText(), line.number());
                if (first != null) {
                    throw MedvlException.at(file, line.number(), "duplicate id \"" + id.asText()
                            + "\" (first on line " + first + ")");
                }
                ids.add(id.asText());
            }
        });
        if (!ids.isEmpty() && ids.size() != hyps.size()) {
            throw new MedvlException(file + ": " + ids.size() + " of " + hyps.size() + " lines have an \"id\"; give "
                    + "every line one or none");
        }
        if (hyps.isEmpty()) {
            throw new MedvlException(file + ": no items");
        }
        return new Items(ids, refs, hyps);
    }

    /** A references file and a hypotheses file, aligned by line or, for JSONL, by {@code id}. */
    public static Items aligned(Path refsFile, Path hypsFile) {
        boolean refsJson = isJsonl(refsFile);
        boolean hypsJson = isJsonl(hypsFile);
        if (refsJson != hypsJson) {
            throw new MedvlException("give both files as JSONL with ids or both as line-aligned text: " + refsFile
                    + " is " + (refsJson ? "JSONL" : "text") + ", " + hypsFile + " is " + (hypsJson ? "JSONL" : "text"));
        }
        if (!refsJson) {
            List<String> refLines = textLines(refsFile);
            List<String> hypLines = textLines(hypsFile);
            if (refLines.size() != hypLines.size()) {
                throw new MedvlException("misaligned inputs: " + refsFile + " has " + refLines.size() + " lines but "
                        + hypsFile + " has " + hypLines.size());
            }
            List<List<String>> refs = new ArrayList<>();
            refLines.forEach(r -> refs.add(List.of(r)));
            return new Items(List.of(), refs, hypLines);
        }
        Map<String, List<String>> refs = byId(refsFile, true);
        Map<String, List<String>> hyps = byId(hypsFile, false);
        if (refs.size() != hyps.size() || !refs.keySet().containsAll(hyps.keySet())) {
            List<String> missing = new ArrayList<>(hyps.keySet());
            missing.removeAll(refs.keySet());
            List<String> extra = new ArrayList<>(refs.keySet());
            extra.removeAll(hyps.keySet());
            throw new MedvlException("misaligned inputs: " + refsFile + " has " + refs.size() + " ids but " + hypsFile
                    + " has " + hyps.size() + (missing.isEmpty() ? "" : "; without references: " + sample(missing))
                    + (extra.isEmpty() ? "" : "; without hypotheses: " + sample(extra)));
        }
        List<String> ids = new ArrayList<>(hyps.keySet());
        List<List<String>> refList = new ArrayList<>();
        List<String> hypList = new ArrayList<>();
        for (String id : ids) {
            refList.add(refs.get(id));
            hypList.add(hyps.get(id).get(0));
        }
        return new Items(ids, refList, hypList);
    }

    /** Lines of a text file, strict UTF-8 (an invalid byte names its line); a trailing empty line is not an item. */
    public static List<String> textLines(Path file) {
        return Utf8Lines.read(file);
    }

    /** JSON Lines, after a line-exact UTF-8 check (JsonLines' buffered decoding can name a line too early). */
    private static void forEachJson(Path file, java.util.function.Consumer<JsonLines.Line> sink) {
        Utf8Lines.read(file);
        JsonLines.forEach(file, sink);
    }

    private static Map<String, List<String>> byId(Path file, boolean references) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        forEachJson(file, line -> {
            String id = line.text("id");
            List<String> texts;
            if (references) {
                texts = line.json().has("refs") ? refList(line, "refs")
                        : List.of(line.json().has("ref") ? line.text("ref") : line.text("text"));
            } else {
                texts = List.of(line.json().has("hyp") ? line.text("hyp") : line.text("text"));
            }
            Long first = lines.putIfAbsent(id, line.number());
            if (first != null) {
                throw MedvlException.at(file, line.number(), "duplicate id \"" + id + "\" (first on line " + first
                        + ")");
            }
            out.put(id, texts);
        });
        return out;
    }

    private static List<String> refList(JsonLines.Line line, String field) {
        JsonNode v = line.json().get(field);
        if (v == null || !v.isArray()) {
            throw MedvlException.at(line.file(), line.number(), "field \"" + field + "\" must be an array of strings");
        }
        if (v.isEmpty()) {
            throw MedvlException.at(line.file(), line.number(), "field \"" + field + "\" is empty: an item needs at "
                    + "least one reference");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode r : v) {
            if (!r.isTextual()) {
                throw MedvlException.at(line.file(), line.number(), "field \"" + field + "\" must hold only strings");
            }
            out.add(r.asText());
        }
        return out;
    }

    private static boolean isJsonl(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") || name.endsWith(".ndjson");
    }

    private static String sample(List<String> ids) {
        return ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + " and "
                + (ids.size() - 5) + " more";
    }
}
