package org.medvl.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

class JsonLinesTest {
    @TempDir
    Path tmp;

    @Test
    void readsObjectsWithLineNumbersSkippingBlankLines() throws Exception {
        Path f = tmp.resolve("a.jsonl");
        Files.writeString(f, "{\"x\":\"é\"}\n\n{\"x\":\"b\"}");
        List<String> seen = new ArrayList<>();
        JsonLines.forEach(f, l -> seen.add(l.number() + ":" + l.text("x")));
        assertEquals(List.of("1:é", "3:b"), seen);
    }

    @Test
    void invalidUtf8NamesTheRightLineFarIntoTheFile() throws Exception {
        Path f = tmp.resolve("b.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < 5000; i++) {
            out.write("{\"x\":\"line\"}\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        Files.write(f, out.toByteArray());
        MedvlException e = assertThrows(MedvlException.class, () -> JsonLines.forEach(f, l -> { }));
        assertTrue(e.getMessage().endsWith("b.jsonl:5001: invalid UTF-8"), e.getMessage());
    }

    @Test
    void badJsonAndMissingFieldsNameFileAndLine() throws Exception {
        Path f = tmp.resolve("c.jsonl");
        Files.writeString(f, "{\"x\":1}\n{oops\n");
        MedvlException e = assertThrows(MedvlException.class, () -> JsonLines.forEach(f, l -> { }));
        assertTrue(e.getMessage().contains("c.jsonl:2: invalid JSON"), e.getMessage());
        MedvlException m = assertThrows(MedvlException.class,
                () -> JsonLines.forEach(f, l -> l.text("missing")));
        assertTrue(m.getMessage().contains("c.jsonl:1: missing field \"missing\""), m.getMessage());
    }
}
