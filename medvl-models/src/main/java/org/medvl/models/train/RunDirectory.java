package org.medvl.models.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvl.core.MedvlException;

/** Rules every trainer applies to its output directory, so a new run never overwrites a finished one. */
public final class RunDirectory {
    private RunDirectory() {
    }

    /** Fails when {@code runDir} exists and has anything in it: only {@code --resume} may continue there. */
    public static void refuseToOverwrite(Path runDir) {
        if (!Files.isDirectory(runDir)) {
            return;
        }
        try (var entries = Files.list(runDir)) {
            if (entries.findAny().isPresent()) {
                throw new MedvlException("output directory " + runDir
                        + " is not empty: choose a new --out, or pass --resume to continue its run");
            }
        } catch (IOException e) {
            throw new MedvlException("cannot read " + runDir + ": " + e.getMessage(), e);
        }
    }
}
