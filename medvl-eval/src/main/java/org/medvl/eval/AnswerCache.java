package org.medvl.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ModelAnswer;

/**
 * Every answer of a benchmark run, appended to a JSONL file and forced to disk as it arrives, so a killed run loses
 * nothing and a rerun asks only what is still unanswered. A line cut short by a kill is dropped on open.
 */
public final class AnswerCache implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, ModelAnswer> answers = new HashMap<>();
    private final FileChannel channel;

    private AnswerCache(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        long keep = load();
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        channel.truncate(keep); // drop a partial last line left by a kill
        channel.position(keep);
    }

    /** Opens (or creates) the cache file. */
    public static AnswerCache open(Path file) {
        try {
            return new AnswerCache(file);
        } catch (IOException e) {
            throw new MedvlException("cannot open answer cache " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads complete lines; returns the byte length of the valid prefix. */
    private long load() throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = 0;
        long valid = 0;
        int lineNo = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            lineNo++;
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8);
            start = i + 1;
            if (line.isBlank()) {
                valid = start;
                continue;
            }
            try {
                JsonNode n = JSON.readTree(line);
                answers.put(n.get("key").asText(), new ModelAnswer(n.get("answer").asText(),
                        n.path("probability").isNumber() ? n.get("probability").asDouble() : Double.NaN,
                        java.util.List.of()));
                valid = start;
            } catch (IOException | NullPointerException e) {
                throw MedvlException.at(file, lineNo, "corrupt answer cache line (move the file away to start over)");
            }
        }
        return valid; // bytes after the last newline are an interrupted write
    }

    public synchronized Optional<ModelAnswer> get(String key) {
        return Optional.ofNullable(answers.get(key));
    }

    public synchronized int size() {
        return answers.size();
    }

    /** Appends one answer and forces it to disk before returning. */
    public synchronized void put(String key, ModelAnswer answer) {
        ObjectNode n = JSON.createObjectNode();
        n.put("key", key);
        n.put("answer", answer.text());
        if (!Double.isNaN(answer.probability())) {
            n.put("probability", answer.probability());
        }
        byte[] line = (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            ByteBuffer buf = ByteBuffer.wrap(line);
            while (buf.hasRemaining()) {
                channel.write(buf);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new MedvlException("cannot append to answer cache " + file + ": " + e.getMessage(), e);
        }
        answers.put(key, answer);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new MedvlException("cannot close answer cache " + file + ": " + e.getMessage(), e);
        }
    }
}
