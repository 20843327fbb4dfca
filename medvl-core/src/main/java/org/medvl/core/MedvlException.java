package org.medvl.core;

/**
 * An error a user can act on: bad input, a missing file, an unknown option value. Its message is one clear line
 * that names the file, line or field at fault; the CLI prints it without a stack trace.
 */
public class MedvlException extends RuntimeException {
    public MedvlException(String message) {
        super(message);
    }

    public MedvlException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error located at a line of a file, e.g. {@code data.jsonl:12: missing field "answer"}. */
    public static MedvlException at(java.nio.file.Path file, long line, String what) {
        return new MedvlException(file + ":" + line + ": " + what);
    }
}
