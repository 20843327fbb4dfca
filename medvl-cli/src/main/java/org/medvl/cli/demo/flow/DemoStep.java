package org.medvl.cli.demo.flow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.medvl.core.MedvlException;

/** One task of the demo: train a model into a directory, then score it on the held-out records. */
interface DemoStep {
    /** "clip", "report" or "vqa": the model's folder name and the summary's task column. */
    String task();

    /** Why this step cannot run on this data or in this build, or null when it can. */
    String unavailableReason(DemoData data);

    /** Trains into {@code runDir} (resumable where the trainer is) and leaves the finished model in {@code modelDir}. */
    void train(DemoData data, DemoSettings settings, Path runDir, Path modelDir);

    /**
     * Scores the model in {@code modelDir}, and the chance level next to it, into the summary; writes what the model
     * produced for the held-out records into {@code predictionsDir}.
     */
    void evaluate(DemoData data, DemoSettings settings, Path modelDir, Path predictionsDir, Summary summary);

    /** Moves a finished model into place in one step, so a folder under models/ is always complete. */
    static void moveInto(Path finished, Path modelDir) {
        try {
            Files.createDirectories(modelDir.getParent());
            Files.move(finished, modelDir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new MedvlException("cannot move the model " + finished + " to " + modelDir + ": " + e.getMessage(), e);
        }
    }
}
