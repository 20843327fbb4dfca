package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.JsonLines;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options shared by the scoring commands (a picocli mixin): {@code --out FILE.json} to keep the scores, written
 * atomically and never over an existing file without {@code --force}, and the command's console writer.
 */
public final class ResultOutput {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the scores as JSON.")
    Path out;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    /** Fails early, before any work, when --out exists and --force is off. */
    void checkWritable() {
        if (out != null && Files.exists(out) && !force) {
            throw new MedvlException(out + " exists; pass --force to replace it");
        }
    }

    /** Where the command prints its tables. */
    PrintWriter console() {
        return mixee.commandLine().getOut();
    }

    /** Writes the scores to --out when given, as indented JSON. */
    void write(JsonNode json) {
        if (out == null) {
            return;
        }
        try {
            String text = JsonLines.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json);
            AtomicFiles.writeString(out, text + "\n");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MedvlException("cannot serialise results: " + e.getMessage(), e);
        }
        console().println("results written to " + out);
    }
}
