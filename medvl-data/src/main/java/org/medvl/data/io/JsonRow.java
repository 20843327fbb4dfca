package org.medvl.data.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One JSON object of a dataset file.
 *
 * @param file  the file
 * @param line  line where the object starts
 * @param index 1-based position in its array or file
 * @param group the key of the enclosing array for files shaped {"train": [...], "test": [...]}, else null
 * @param json  the object
 */
public record JsonRow(Path file, long line, long index, String group, JsonNode json) implements Row {
    @Override
    public String locator() {
        return "record " + index;
    }

    @Override
    public String opt(String field) {
        return textOf(json.get(field));
    }

    /** A nested object's field, e.g. {@code nested("Description", "Caption")}; null when absent. */
    public String nested(String object, String field) {
        JsonNode o = json.get(object);
        return o == null || !o.isObject() ? null : textOf(o.get(field));
    }

    /** A list of strings from an array field, or a single string as one element; empty when absent. */
    public List<String> list(String field) {
        JsonNode v = json.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            for (JsonNode e : v) {
                String s = textOf(e);
                if (s != null) {
                    out.add(s);
                }
            }
        } else {
            String s = textOf(v);
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    static String textOf(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isContainerNode()) {
            throw new BadRecord("expected text, found " + (v.isArray() ? "an array" : "an object"));
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }
}
