package org.medvl.models.checkpoint;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.train.AdamW;

/** Reads the parts of a checkpoint directory written by {@link CheckpointWriter}; every error names the file. */
public final class Checkpoints {
    public static final String WEIGHTS = "model.params";
    public static final String OPTIMIZER = "optimizer.bin";
    public static final String TOKENIZER = "tokenizer.json";
    public static final String CONFIG = "config.json";
    public static final String PREPROCESS = "preprocess.json";
    public static final String TRAINING = "training.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoints() {
    }

    /** Fails with a clear message unless {@code dir} looks like a checkpoint holding {@code required} files. */
    public static void require(Path dir, String... required) {
        if (!Files.isDirectory(dir)) {
            throw new MedvlException("model directory " + dir + " does not exist");
        }
        for (String f : required) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new MedvlException(dir + " is not a medvl checkpoint: " + f + " is missing");
            }
        }
    }

    public static <T> T json(Path dir, String file, Class<T> type) {
        Path p = dir.resolve(file);
        try {
            return JSON.readValue(p.toFile(), type);
        } catch (IOException e) {
            throw new MedvlException("cannot read " + p + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    public static JsonNode tree(Path dir, String file) {
        return json(dir, file, JsonNode.class);
    }

    public static WordPieceTokenizer tokenizer(Path dir) {
        return WordPieceTokenizer.load(dir.resolve(TOKENIZER));
    }

    /** Loads saved parameters into an initialised block of the same architecture. */
    public static void loadWeights(Path dir, Block block, NDManager manager) {
        Path p = dir.resolve(WEIGHTS);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(p)))) {
            block.loadParameters(manager, in);
            // Loaded arrays are fresh tensors: mark trainable ones again so a resumed run can back-propagate.
            for (var param : block.getParameters()) {
                if (param.getValue().requiresGradient()) {
                    param.getValue().getArray().setRequiresGradient(true);
                }
            }
        } catch (IOException | MalformedModelException | RuntimeException e) {
            throw new MedvlException("cannot load weights " + p + " (does config.json match?): " + e.getMessage(), e);
        }
    }

    public static void loadOptimizer(Path dir, AdamW optimizer) {
        Path p = dir.resolve(OPTIMIZER);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(p))) {
            optimizer.load(in);
        } catch (IOException | MalformedModelException e) {
            throw new MedvlException("cannot load optimizer state " + p + ": " + e.getMessage(), e);
        }
    }
}
