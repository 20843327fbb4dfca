package org.medvl.metrics.caption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

class CaptionInputsTest {
    @TempDir
    Path dir;

    @Test
    void readsPairsWithIds() throws IOException {
        Path f = write("p.jsonl", "{\"id\":\"a\",\"refs\":[\"x y\",\"z\"],\"hyp\":\"x\"}\n\n{\"id\":\"b\",\"refs\":[\"q\"],\"hyp\":\"\"}\n");
        CaptionInputs.Items items = CaptionInputs.pairs(f);
        assertEquals(List.of("a", "b"), items.ids());
        assertEquals(List.of(List.of("x y", "z"), List.of("q")), items.refs());
        assertEquals(List.of("x", ""), items.hyps());
    }

    @Test
    void lineAlignedTextFilesWithDifferentCountsNameBothFilesAndCounts() throws IOException {
        Path refs = write("refs.txt", "a\nb\nc\n");
        Path hyps = write("hyps.txt", "a\nb\n");
        MedvlException e = assertThrows(MedvlException.class, () -> CaptionInputs.aligned(refs, hyps));
        assertTrue(e.getMessage().contains("refs.txt has 3 lines") && e.getMessage().contains("hyps.txt has 2"),
                e.getMessage());
    }

    @Test
    void jsonlFilesAreJoinedByIdAndDuplicatesAreNamed() throws IOException {
        Path refs = write("refs.jsonl", "{\"id\":\"2\",\"refs\":[\"b\"]}\n{\"id\":\"1\",\"ref\":\"a\"}\n");
        Path hyps = write("hyps.jsonl", "{\"id\":\"1\",\"hyp\":\"A\"}\n{\"id\":\"2\",\"text\":\"B\"}\n");
        CaptionInputs.Items items = CaptionInputs.aligned(refs, hyps);
        assertEquals(List.of("1", "2"), items.ids());
        assertEquals(List.of(List.of("a"), List.of("b")), items.refs());
        assertEquals(List.of("A", "B"), items.hyps());

        Path dup = write("dup.jsonl", "{\"id\":\"1\",\"hyp\":\"A\"}\n{\"id\":\"1\",\"hyp\":\"B\"}\n");
        MedvlException e = assertThrows(MedvlException.class, () -> CaptionInputs.aligned(refs, dup));
        assertTrue(e.getMessage().contains("dup.jsonl:2: duplicate id \"1\" (first on line 1)"), e.getMessage());

        Path fewer = write("fewer.jsonl", "{\"id\":\"1\",\"hyp\":\"A\"}\n");
        e = assertThrows(MedvlException.class, () -> CaptionInputs.aligned(refs, fewer));
        assertTrue(e.getMessage().contains("refs.jsonl has 2 ids but") && e.getMessage().contains("fewer.jsonl has 1"),
                e.getMessage());
    }

    @Test
    void invalidUtf8NamesTheLine() throws IOException {
        Path bad = dir.resolve("hyps.txt");
        byte[] bytes = "fine\nalso fine\nbad \u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(bad, bytes);
        MedvlException e = assertThrows(MedvlException.class, () -> CaptionInputs.textLines(bad));
        assertTrue(e.getMessage().endsWith("hyps.txt:3: invalid UTF-8"), e.getMessage());
        Path badJson = dir.resolve("p.jsonl");
        Files.write(badJson, "{\"refs\":[\"a\"],\"hyp\":\"a\"}\n{\"refs\":[\"\u00e9\"],\"hyp\":\"a\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        e = assertThrows(MedvlException.class, () -> CaptionInputs.pairs(badJson));
        assertTrue(e.getMessage().endsWith("p.jsonl:2: invalid UTF-8"), e.getMessage());
    }

    @Test
    void badFieldsNameFileLineAndField() throws IOException {
        Path f = write("p.jsonl", "{\"refs\":[\"a\"],\"hyp\":\"a\"}\n{\"refs\":\"a\",\"hyp\":\"a\"}\n");
        MedvlException e = assertThrows(MedvlException.class, () -> CaptionInputs.pairs(f));
        assertTrue(e.getMessage().contains("p.jsonl:2: field \"refs\" must be an array"), e.getMessage());
        Path empty = write("e.jsonl", "{\"refs\":[],\"hyp\":\"a\"}\n");
        e = assertThrows(MedvlException.class, () -> CaptionInputs.pairs(empty));
        assertTrue(e.getMessage().contains("e.jsonl:1: field \"refs\" is empty"), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
