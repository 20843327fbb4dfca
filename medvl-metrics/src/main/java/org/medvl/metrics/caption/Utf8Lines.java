package org.medvl.metrics.caption;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.MedvlException;

/**
 * Reads a file's lines as strict UTF-8, decoding line by line so that an invalid byte is reported at its own line (a
 * buffered Reader decodes ahead and reports the line it was on when the buffer failed). Lines end at '\n'; a
 * trailing '\r' is removed, as BufferedReader does for CRLF files.
 */
final class Utf8Lines {
    private Utf8Lines() {
    }

    static List<String> read(Path file) {
        List<String> lines = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream(256);
            int b;
            boolean pending = false;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    lines.add(decode(decoder, line, file, lines.size() + 1));
                    line.reset();
                    pending = false;
                } else {
                    line.write(b);
                    pending = true;
                }
            }
            if (pending) {
                lines.add(decode(decoder, line, file, lines.size() + 1));
            }
        } catch (NoSuchFileException e) {
            throw new MedvlException("file not found: " + file);
        } catch (IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return lines;
    }

    private static String decode(CharsetDecoder decoder, ByteArrayOutputStream bytes, Path file, long lineNo) {
        try {
            String s = decoder.decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        } catch (CharacterCodingException e) {
            throw MedvlException.at(file, lineNo, "invalid UTF-8");
        }
    }
}
