package org.medvl.data;

import java.nio.file.Path;

/**
 * Something wrong in a dataset's files.
 *
 * @param file    the file at fault
 * @param line    1-based line number, 0 when not known
 * @param record  which record, e.g. "record 12" or "qid 40", null when the problem is about the whole file
 * @param message what is wrong
 * @param skipped true when the record (or file) was skipped, false for a warning about a record that was kept
 */
public record DataProblem(Path file, long line, String record, String message, boolean skipped) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (record != null) {
            sb.append(record).append(": ");
        }
        return sb.append(message).toString();
    }
}
