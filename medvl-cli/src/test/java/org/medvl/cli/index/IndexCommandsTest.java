package org.medvl.cli.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;
import org.medvl.core.io.SharedData;

class IndexCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void missingIndexIsOneClearLine() {
        CommandRun r = CommandRun.of("index", "search", "--index", tmp.resolve("none").toString(), "--text", "x");
        assertEquals(1, r.code());
        assertEquals("medvl: error: index directory not found: " + tmp.resolve("none")
                + " (build one with 'medvl index build')", r.err().strip());
    }

    @Test
    void buildSearchUpdateAndInfoOnMedPixText() {
        Optional<Path> medpix = SharedData.dataset("medpix-2.0");
        assumeTrue(medpix.isPresent(), SharedData.missingMessage("medpix-2.0"));
        Path dir = tmp.resolve("idx");
        CommandRun b = CommandRun.of("index", "build", "--dataset", "medpix-2.0:" + medpix.get() + "#dev", "--out",
                dir.toString());
        assertEquals(0, b.code(), b.err());
        assertTrue(b.out().contains("indexed 197 cases"), b.out());
        CommandRun s = CommandRun.of("index", "search", "--index", dir.toString(), "--text", "prostate", "-k", "2",
                "--json");
        assertEquals(0, s.code(), s.err());
        assertTrue(s.out().contains("\"caseId\" : \"MPX1009\""), s.out());
        CommandRun u = CommandRun.of("index", "update", "--index", dir.toString(), "--delete",
                "MPX1009_synpic46283");
        assertEquals(0, u.code(), u.err());
        assertTrue(u.out().contains("the index holds 196 cases"), u.out());
        CommandRun i = CommandRun.of("index", "info", "--index", dir.toString(), "--verify");
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("none (text-only, BM25)") && i.out().contains("checksums verified"), i.out());
        CommandRun e = CommandRun.of("index", "search", "--index", dir.toString(), "--image", "x.png");
        assertEquals(1, e.code());
        assertTrue(e.err().contains("built without a model"), e.err());
    }

    @Test
    void benchPrintsHnswAndExactSideBySide() throws Exception {
        CommandRun r = CommandRun.of("bench", "index", "--vectors", "3000", "--dim", "32", "--queries", "100",
                "--exact-queries", "50", "--ef", "10,100", "--threads", "1", "--dir", tmp.resolve("b").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("exact (brute force)") && r.out().contains("HNSW ef=100"), r.out());
        assertTrue(Files.exists(tmp.resolve("b")), "a given --dir is kept");
    }
}
