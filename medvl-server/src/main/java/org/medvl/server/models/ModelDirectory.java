package org.medvl.server.models;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.medvl.image.ImagePipeline;
import org.medvl.image.PreprocessConfig;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.clip.DjlClipEncoder;
import org.medvl.models.train.ImageTensors;

/**
 * Loads what a model directory holds through the medvl-models loaders: the directory itself and each of its
 * immediate subdirectories may be a checkpoint. CLIP checkpoints (config.json with image and text encoders and an
 * embedding width) serve zero-shot findings. Report and VQA checkpoints have no loader in medvl-models yet: they are
 * listed with a note, and their panels stay off. A checkpoint that fails to load is reported, never fatal, so one
 * broken model does not keep the others from being served.
 */
public final class ModelDirectory {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIP_BATCH = 16;

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
            JsonNode config = Checkpoints.tree(ck, Checkpoints.CONFIG);
            if (!isClip(config)) {
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
            } catch (MedvlException | IllegalArgumentException e) {
                notes.put(ModelSet.FINDINGS, "CLIP checkpoint " + ck.getFileName() + " failed to load: " + e.getMessage());
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
        if (Files.isRegularFile(dir.resolve(Checkpoints.CONFIG))) {
            out.add(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isRegularFile(p.resolve(Checkpoints.CONFIG))).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new MedvlException("cannot list model directory " + dir + ": " + e.getMessage());
        }
        return out;
    }

    static boolean isClip(JsonNode config) {
        return config.has("image") && config.has("text") && config.has("embedDim");
    }

    private static ClipAdapter loadClip(Path dir) {
        Checkpoints.require(dir, Checkpoints.CONFIG, Checkpoints.WEIGHTS, Checkpoints.TOKENIZER,
                Checkpoints.PREPROCESS);
        JsonNode pre = Checkpoints.tree(dir, Checkpoints.PREPROCESS);
        PreprocessConfig config;
        try {
            config = JSON.treeToValue(pre.has("size") ? pre : pre.path("preprocess"), PreprocessConfig.class);
        } catch (IOException e) {
            throw new MedvlException(dir.resolve(Checkpoints.PREPROCESS) + " is not a preprocessing description this"
                    + " server can read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        ImagePipeline pipeline = new ImagePipeline(config);
        ImageTensors tensors = new ImageTensors() {
            @Override
            public float[] load(Path image) {
                return pipeline.toTensor(image);
            }

            @Override
            public int channels() {
                return config.channels();
            }

            @Override
            public int size() {
                return config.size();
            }

            @Override
            public JsonNode describe() {
                return pre;
            }
        };
        NDManager manager = NDManager.newBaseManager();
        try {
            return new ClipAdapter("clip:" + dir.getFileName(), DjlClipEncoder.load(dir, tensors, manager, CLIP_BATCH));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }
}
