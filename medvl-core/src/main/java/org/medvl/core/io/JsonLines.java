package org.medvl.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.medvl.core.MedvlException;

/** Streams JSON Lines files one object at a time; every error names the file and line. */
public final class JsonLines {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonLines() {
    }

    /** One parsed line. */
    public record Line(Path file, long number, JsonNode json) {
        /** A required text field, or an error naming file, line and field. */
        public String text(String field) {
            JsonNode v = json.get(field);
            if (v == null || v.isNull()) {
                throw MedvlException.at(file, number, "missing field \"" + field + "\"");
            }
            if (!v.isValueNode()) {
                throw MedvlException.at(file, number, "field \"" + field + "\" must be a string");
            }
            return v.asText();
        }
    }

    /** Calls {@code sink} for every non-blank line; bad JSON or invalid UTF-8 stops with an error naming the line. */
    public static void forEach(Path file, Consumer<Line> sink) {
        // Lines are split on raw bytes and decoded one at a time: a decoding Reader reads ahead in large chunks, so
        // its malformed-input error would surface at the wrong line.
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (var in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream(256);
            long n = 0;
            int b;
            boolean more = true;
            while (more) {
                b = in.read();
                if (b != -1 && b != '\n') {
                    buf.write(b);
                    continue;
                }
                more = b != -1;
                if (!more && buf.size() == 0) {
                    break;
                }
                n++;
                String line;
                try {
                    line = decoder.decode(java.nio.ByteBuffer.wrap(buf.toByteArray())).toString();
                } catch (CharacterCodingException e) {
                    throw MedvlException.at(file, n, "invalid UTF-8");
                }
                buf.reset();
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = MAPPER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw MedvlException.at(file, n, "invalid JSON: " + e.getOriginalMessage());
                }
                if (node == null || !node.isObject()) {
                    throw MedvlException.at(file, n, "expected a JSON object");
                }
                sink.accept(new Line(file, n, node));
            }
        } catch (NoSuchFileException e) {
            throw new MedvlException("file not found: " + file);
        } catch (IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A reader that fails on malformed UTF-8 instead of silently substituting U+FFFD. */
    public static BufferedReader strictUtf8Reader(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
    }
}
