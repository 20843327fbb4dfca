package org.medvl.models.checkpoint;

import ai.djl.nn.Block;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medvl.core.io.AtomicFiles;
import org.medvl.models.tokenizer.WordPieceTokenizer;
import org.medvl.models.train.AdamW;

/**
 * Collects the parts of a self-describing checkpoint directory and writes them in one atomic directory replacement,
 * so a crash mid-write leaves the previous checkpoint intact. Parts: {@value Checkpoints#WEIGHTS} (DJL parameters),
 * {@value Checkpoints#OPTIMIZER}, {@value Checkpoints#TOKENIZER} and any number of JSON files (config, preprocessing,
 * training state with seed, data fingerprint and medvl version).
 */
public final class CheckpointWriter {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Map<String, Object> json = new LinkedHashMap<>();
    private Block weights;
    private AdamW optimizer;
    private WordPieceTokenizer tokenizer;

    public CheckpointWriter json(String fileName, Object value) {
        json.put(fileName, value);
        return this;
    }

    public CheckpointWriter weights(Block block) {
        this.weights = block;
        return this;
    }

    public CheckpointWriter optimizer(AdamW adamW) {
        this.optimizer = adamW;
        return this;
    }

    public CheckpointWriter tokenizer(WordPieceTokenizer tok) {
        this.tokenizer = tok;
        return this;
    }

    /** Writes everything to {@code dir}, replacing what was there only once the new copy is complete. */
    public void commit(Path dir) {
        AtomicFiles.writeDirectory(dir, tmp -> {
            try {
                for (Map.Entry<String, Object> e : json.entrySet()) {
                    JSON.writeValue(tmp.resolve(e.getKey()).toFile(), e.getValue());
                }
                if (weights != null) {
                    try (DataOutputStream out = new DataOutputStream(stream(tmp.resolve(Checkpoints.WEIGHTS)))) {
                        weights.saveParameters(out);
                    }
                }
                if (optimizer != null) {
                    try (OutputStream out = stream(tmp.resolve(Checkpoints.OPTIMIZER))) {
                        optimizer.save(out);
                    }
                }
                if (tokenizer != null) {
                    tokenizer.save(tmp.resolve(Checkpoints.TOKENIZER));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static OutputStream stream(Path p) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(p));
    }
}
