package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.JsonLines;

/** Writes a metrics result as pretty JSON to a file (atomically, never over an existing one without --force). */
final class ResultOutput {
    private ResultOutput() {
    }

    /** Fails early, before any work, when {@code out} exists and {@code force} is off. */
    static void checkWritable(Path out, boolean force) {
        if (out != null && Files.exists(out) && !force) {
            throw new MedvlException(out + " exists; pass --force to replace it");
        }
    }

    static void write(Path out, JsonNode json) {
        if (out == null) {
            return;
        }
        try {
            String text = JsonLines.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
            AtomicFiles.writeString(out, text + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MedvlException("cannot serialise results: " + e.getMessage(), e);
        }
        System.out.println("results written to " + out);
    }
}
