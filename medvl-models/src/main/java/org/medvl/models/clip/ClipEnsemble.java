package org.medvl.models.clip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.JsonLines;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.checkpoint.Checkpoints;

/**
 * A model directory that holds several CLIP checkpoints (typically the same recipe trained from different seeds) and
 * scores with the mean of their cosine similarities. Its config.json is {@code {"task": "clip", "ensemble":
 * ["member-1", ...]}}, member paths relative to the directory, so the directory moves as one piece and the server
 * and {@link MedvlModels} see an ordinary CLIP model.
 */
public final class ClipEnsemble {
    /** The config.json field that lists the members. */
    public static final String FIELD = "ensemble";

    private ClipEnsemble() {
    }

    /** Whether {@code dir} holds an ensemble rather than a single checkpoint. */
    public static boolean isEnsemble(Path dir) {
        return Files.isRegularFile(dir.resolve(Checkpoints.CONFIG))
                && Checkpoints.tree(dir, Checkpoints.CONFIG).has(FIELD);
    }

    /** The member directories, checked to exist; errors name config.json and the field. */
    public static List<Path> members(Path dir) {
        Path config = dir.resolve(Checkpoints.CONFIG);
        JsonNode list = Checkpoints.tree(dir, Checkpoints.CONFIG).get(FIELD);
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new MedvlException(config + ": field '" + FIELD + "' must be a non-empty list of member directories");
        }
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            if (!m.isTextual() || m.asText().isBlank()) {
                throw new MedvlException(config + ": field '" + FIELD + "[" + i + "]' must be a directory name");
            }
            Path member = dir.resolve(m.asText()).normalize();
            if (!Files.isDirectory(member)) {
                throw new MedvlException(config + ": field '" + FIELD + "[" + i + "]': member directory " + member
                        + " does not exist");
            }
            out.add(member);
        }
        return out;
    }

    /**
     * Writes {@code target} atomically as an ensemble of copies of {@code memberModels} (member-1, member-2, ...),
     * so the ensemble does not depend on the run directories it was assembled from.
     */
    public static void write(Path target, List<Path> memberModels) {
        if (memberModels.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one member");
        }
        AtomicFiles.writeDirectory(target, tmp -> {
            ObjectNode config = JsonLines.MAPPER.createObjectNode();
            config.put(MedvlModels.TASK_FIELD, "clip");
            ArrayNode names = config.putArray(FIELD);
            for (int i = 0; i < memberModels.size(); i++) {
                String name = "member-" + (i + 1);
                copyTree(memberModels.get(i), tmp.resolve(name));
                names.add(name);
            }
            try {
                Files.writeString(tmp.resolve(Checkpoints.CONFIG),
                        JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(config) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        } catch (IOException e) {
            throw new MedvlException("cannot copy ensemble member " + from + ": " + e.getMessage(), e);
        }
    }
}
