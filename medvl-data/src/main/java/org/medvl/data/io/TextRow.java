package org.medvl.data.io;

import java.nio.file.Path;
import java.util.List;

/**
 * One line of a delimited text file without a header (VQA-Med's {@code image|question|answer}), fields by position.
 */
public record TextRow(Path file, long line, List<String> fields) implements Row {
    @Override
    public String locator() {
        return "line " + line;
    }

    /** Field by 0-based position given as a number, e.g. opt("2"); null when absent or empty. */
    @Override
    public String opt(String position) {
        int i = Integer.parseInt(position);
        if (i >= fields.size()) {
            return null;
        }
        String v = fields.get(i).trim();
        return v.isEmpty() ? null : v;
    }

    public String field(int i) {
        return text(Integer.toString(i));
    }

    /** Requires at least {@code n} fields. */
    public TextRow expect(int n, String layout) {
        if (fields.size() < n) {
            throw new BadRecord("expected " + n + " fields separated by '|' (" + layout + "), found " + fields.size());
        }
        return this;
    }
}
