package org.medvl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medvl.core.MedvlException;

class IndexErrorsTest extends BuiltIndexFixture {

    private static String fails(Runnable r) {
        return assertThrows(MedvlException.class, r::run).getMessage();
    }

    @Test
    void missingFileOrEmptyDirectoriesNameThePath() throws IOException {
        Path missing = tmp.resolve("nowhere");
        assertEquals("index directory not found: " + missing + " (build one with 'medvl index build')",
                fails(() -> SimilarCaseIndex.open(missing, null)));
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertTrue(fails(() -> SimilarCaseIndex.open(file, null)).contains("is a file, not an index directory"));
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        assertTrue(fails(() -> SimilarCaseIndex.open(empty, null)).startsWith("no index in " + empty));
    }

    @Test
    void corruptCommitOrSegmentFilesGiveAClearError() throws IOException {
        Path segments;
        try (Stream<Path> files = Files.list(dir)) {
            segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(segments);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(segments, bytes);
        String msg = fails(() -> SimilarCaseIndex.open(dir, null));
        assertTrue(msg.startsWith("index " + dir + " is corrupt or incomplete:"), msg);
        assertTrue(msg.endsWith("rebuild it with 'medvl index build'"), msg);
    }

    @Test
    void truncatedDataFileIsReportedOnOpen() throws IOException {
        Path biggest;
        try (Stream<Path> files = Files.list(dir)) {
            biggest = files.filter(p -> !p.getFileName().toString().startsWith("segments_")
                    && !p.getFileName().toString().equals("write.lock"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        Files.write(biggest, java.util.Arrays.copyOf(bytes, bytes.length - 40));
        String msg = fails(() -> SimilarCaseIndex.open(dir, null));
        assertTrue(msg.contains("is corrupt or incomplete"), msg);
    }

    @Test
    void flippedBitInsideADataFileIsFoundByVerify() throws IOException {
        SimilarCaseIndex.verify(dir); // intact
        Path biggest;
        try (Stream<Path> files = Files.list(dir)) {
            biggest = files.filter(p -> !p.getFileName().toString().startsWith("segments_"))
                    .max(java.util.Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(biggest, bytes);
        String msg = fails(() -> SimilarCaseIndex.verify(dir));
        assertTrue(msg.contains("corrupt"), msg);
    }

    @Test
    void modelsMustMatchTheIndex() {
        TopicEmbedder other = new TopicEmbedder("another-model", 16);
        String msg = fails(() -> SimilarCaseIndex.open(dir, other));
        assertEquals("index " + dir + " was built with model 'topic-test' (16-d) but the model given is "
                + "'another-model' (16-d): use the same model or rebuild the index", msg);
        assertTrue(fails(() -> IndexBuilder.update(dir, Stream.empty(), null, false))
                .contains("holds embeddings of model 'topic-test'"));
        try (SimilarCaseIndex textOnly = SimilarCaseIndex.open(dir, null)) {
            assertTrue(fails(() -> textOnly.search(SimilarCaseQuery.builder()
                    .image(Path.of(cases.get(0).imagePath())).build())).contains("need the model"));
        }
        Path text = tmp.resolve("text");
        IndexBuilder.build(text, cases.stream(), null, IndexBuilder.Options.DEFAULT);
        try (SimilarCaseIndex index = SimilarCaseIndex.open(text, embedder)) {
            assertTrue(fails(() -> index.search(SimilarCaseQuery.builder().imageVector(new float[16]).build()))
                    .contains("built without a model"));
        }
    }

    @Test
    void badQueriesAreRejectedClearly() {
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            assertEquals("query image not found: " + tmp.resolve("none.png"), fails(() -> index.search(
                    SimilarCaseQuery.builder().image(tmp.resolve("none.png")).build())));
            assertEquals("text query 'the of and' has no searchable words",
                    fails(() -> index.search(SimilarCaseQuery.builder().text("the of and").build())));
            assertTrue(fails(() -> index.search(SimilarCaseQuery.builder().imageVector(new float[3]).build()))
                    .contains("dimension 3, the index expects 16"));
        }
        assertThrows(IllegalArgumentException.class, () -> SimilarCaseQuery.builder().build());
        assertThrows(IllegalArgumentException.class, () -> SimilarCaseQuery.builder().text("x").split("holdout").build());
    }

    @Test
    void buildRefusesToReplaceAFolderThatIsNotAnIndex() throws IOException {
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("mine.txt"), "precious");
        assertTrue(fails(() -> IndexBuilder.build(notes, cases.stream(), null, IndexBuilder.Options.DEFAULT))
                .contains("exists and is not a medvl index; refusing to replace it"));
        assertEquals("precious", Files.readString(notes.resolve("mine.txt")));
    }

    @Test
    void failedBuildLeavesThePreviousIndexUsable() {
        Path bad = TopicEmbedder.image(tmp.resolve("images"), "bad", "fail", 0);
        List<IndexedCase> withBad = new java.util.ArrayList<>(cases.subList(0, 5));
        withBad.add(new IndexedCase("bad", bad.toString(), "", "", "", null, null, null, null, "f"));
        IndexBuilder.Options strict = new IndexBuilder.Options(16, 100, true, "");
        assertThrows(MedvlException.class, () -> IndexBuilder.build(dir, withBad.stream(), embedder, strict));
        try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
            assertEquals(30, index.size());
            assertEquals(cases.get(0).id(), index.search(SimilarCaseQuery.builder()
                    .image(Path.of(cases.get(0).imagePath())).k(1).build()).get(0).id());
        }
        assertTrue(IndexBuilder.leftovers(dir).isEmpty(), IndexBuilder.leftovers(dir).toString());
    }
}
