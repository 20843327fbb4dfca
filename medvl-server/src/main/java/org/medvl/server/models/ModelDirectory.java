package org.medvl.server.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.clip.ClipEncoders;
import org.medvl.models.onnx.OnnxClipEncoder;

/**
 * Loads what a model directory holds through the medvl-models loaders: the directory itself and each of its
 * immediate subdirectories may be a checkpoint. CLIP models (a medvl checkpoint whose config.json has image and text
 * encoders and an embedding width, or an ONNX export) serve zero-shot findings and embeddings. Report and VQA checkpoints have no loader in medvl-models yet: they are
 * listed with a note, and their panels stay off. A checkpoint that fails to load is reported, never fatal, so one
 * broken model does not keep the others from being served.
 */
public final class ModelDirectory {

    private ModelDirectory() {
    }

    /** Loads the models under {@code dir}; {@code log} receives one line per checkpoint found. */
    public static ModelSet load(Path dir, Consumer<String> log) {
        if (!Files.isDirectory(dir)) {
            throw new MedvlException("model directory " + dir + " does not exist or is not a directory");
        }
        Map<String, String> notes = new LinkedHashMap<>();
        ClipAdapter clip = null;
        List<String> unknown = new ArrayList<>();
        for (Path ck : candidates(dir)) {
            if (!isClip(ck)) {
                unknown.add(ck.getFileName().toString());
                log.accept("models: " + ck + ": not a CLIP checkpoint; report and VQA checkpoints need loaders"
                        + " medvl-models does not have yet, skipped");
                continue;
            }
            if (clip != null) {
                log.accept("models: " + ck + ": a second CLIP checkpoint, ignored (serving " + clip.name() + ")");
                continue;
            }
            try {
                clip = loadClip(ck);
                log.accept("models: " + ck + ": CLIP checkpoint loaded (zero-shot findings, embeddings)");
            } catch (RuntimeException e) { // a broken checkpoint or engine: report it, serve the rest
                notes.put(ModelSet.FINDINGS, "CLIP checkpoint " + ck.getFileName() + " failed to load: "
                        + String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
                log.accept("models: " + ck + ": " + e.getMessage());
            }
        }
        String other = unknown.isEmpty() ? "" : " (found " + String.join(", ", unknown)
                + ": no loader for that kind in this version)";
        notes.put(ModelSet.REPORT, "no report-generation model loaded" + other);
        notes.put(ModelSet.VQA, "no question-answering model loaded" + other);
        return new ModelSet(null, null, clip, clip, null, notes);
    }

    private static List<Path> candidates(Path dir) {
        List<Path> out = new ArrayList<>();
        if (looksLikeModel(dir)) {
            out.add(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(ModelDirectory::looksLikeModel).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new MedvlException("cannot list model directory " + dir + ": " + e.getMessage());
        }
        return out;
    }

    private static boolean looksLikeModel(Path dir) {
        return Files.isRegularFile(dir.resolve(Checkpoints.CONFIG)) || OnnxClipEncoder.isExport(dir);
    }

    static boolean isClip(Path dir) {
        if (OnnxClipEncoder.isExport(dir)) {
            return true;
        }
        if (!Files.isRegularFile(dir.resolve(Checkpoints.CONFIG))) {
            return false;
        }
        JsonNode config = Checkpoints.tree(dir, Checkpoints.CONFIG);
        return config.has("image") && config.has("text") && config.has("embedDim");
    }

    /** A medvl checkpoint (DJL) or an ONNX export, through medvl-models' own loader. */
    private static ClipAdapter loadClip(Path dir) {
        return new ClipAdapter("clip:" + dir.getFileName(), ClipEncoders.open(dir));
    }
}
