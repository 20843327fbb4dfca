package org.medvl.data.io;

import java.nio.file.Path;

/** One source record (JSON object, CSV row, text line) with typed field access whose errors name the field. */
public interface Row {
    Path file();

    /** 1-based line where the record starts, 0 when unknown. */
    long line();

    /** How to name the record in a problem, e.g. "record 12". */
    String locator();

    /** The field's text, or null when absent, null or empty. */
    String opt(String field);

    /** The field's text; a {@link BadRecord} naming the field when absent or empty. */
    default String text(String field) {
        String v = opt(field);
        if (v == null) {
            throw new BadRecord("missing field \"" + field + "\"");
        }
        return v;
    }

    /** The first present of several alternative field names (datasets rename fields between releases). */
    default String firstOf(String... fields) {
        for (String f : fields) {
            String v = opt(f);
            if (v != null) {
                return v;
            }
        }
        throw new BadRecord("missing field \"" + fields[0] + "\"");
    }

    /** The first present of several alternative field names, or null. */
    default String optFirstOf(String... fields) {
        for (String f : fields) {
            String v = opt(f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
