package org.medvl.cli;

import java.io.PrintWriter;
import org.medvl.core.MedvlException;
import picocli.CommandLine;

/**
 * Turns errors into one clear line on stderr and a non-zero exit: 2 for usage errors, 1 for failures. Stack traces
 * only with --verbose.
 */
final class ErrorHandling {
    private ErrorHandling() {
    }

    static void install(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("medvl: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            if (Medvl.verbose(java.util.List.of(args))) {
                ex.printStackTrace(err);
            }
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("medvl: error: " + describe(ex));
            if (parseResult.originalArgs().contains("--verbose")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
    }

    /** A one-line description: our own messages as they are, other exceptions with their type. */
    static String describe(Throwable ex) {
        if (ex instanceof MedvlException || ex instanceof IllegalArgumentException) {
            return ex.getMessage();
        }
        if (ex instanceof java.nio.file.NoSuchFileException) {
            return "file not found: " + ex.getMessage();
        }
        if (ex instanceof java.io.UncheckedIOException u && u.getCause() != null) {
            return describe(u.getCause());
        }
        if (ex instanceof OutOfMemoryError) {
            return "out of memory; raise the heap with JAVA_OPTS=-Xmx8g";
        }
        String msg = ex.getMessage();
        return ex.getClass().getSimpleName() + (msg == null ? "" : ": " + msg) + " (run with --verbose for details)";
    }
}
