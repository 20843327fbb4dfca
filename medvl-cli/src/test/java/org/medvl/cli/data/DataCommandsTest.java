package org.medvl.cli.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;
import org.medvl.core.io.SharedData;

class DataCommandsTest {
    @TempDir
    Path dir;



    @Test
    void listShowsEveryDatasetAndDetails() {
        CommandRun r = CommandRun.of("data", "list");
        assertEquals(0, r.code(), r.err());
        for (String n : new String[] {"roco", "pmc-oa", "mimic-cxr", "fairvlmed", "slake", "vqa-med-2021", "probmed"}) {
            assertTrue(r.out().contains(n), n);
        }
        CommandRun d = CommandRun.of("data", "list", "slake");
        assertTrue(d.out().contains("imgs/xmlabN/source.jpg"), d.out());
        assertTrue(CommandRun.of("data", "list", "--json").out().contains("\"loadable\" : true"));
    }

    @Test
    void unknownDatasetIsOneClearLine() {
        CommandRun r = CommandRun.of("data", "inspect", "--dataset", "nosuch:x");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("medvl: error: unknown dataset 'nosuch'; known: roco"), r.err());
    }

    @Test
    void convertThenInspectTheManifestAndRefuseToOverwrite() throws Exception {
        Files.writeString(dir.resolve("pmc_oa.jsonl"), "{\"image\": \"a.jpg\", \"caption\": \"An axial CT.\"}\nbroken\n");
        Path out = dir.resolve("m.jsonl");
        CommandRun c = CommandRun.of("data", "convert", "--dataset", "pmc-oa:" + dir, "--out", out.toString());
        assertEquals(0, c.code(), c.err());
        assertTrue(c.out().contains("wrote 1 records (0 vqa, 1 pairs, 0 studies) to " + out), c.out());
        assertTrue(c.out().contains("pmc_oa.jsonl:2: invalid JSON"), c.out());
        CommandRun again = CommandRun.of("data", "convert", "--dataset", "pmc-oa:" + dir, "--out", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("already exists; pass --force"), again.err());
        CommandRun strict = CommandRun.of("data", "convert", "--strict", "--force", "--dataset", "pmc-oa:" + dir, "--out",
                dir.resolve("s.jsonl").toString());
        assertEquals(1, strict.code());
        assertTrue(strict.err().contains("pmc_oa.jsonl:2: invalid JSON"), strict.err());
        assertTrue(!Files.exists(dir.resolve("s.jsonl")), "nothing written when strict mode stops");
        Path json = dir.resolve("report.json");
        CommandRun i = CommandRun.of("data", "inspect", "--dataset", "manifest:" + out, "--images", "none", "--json", json.toString());
        assertEquals(0, i.code(), i.err());
        assertTrue(i.out().contains("pair: unsplit 1"), i.out());
        assertTrue(Files.readString(json).contains("\"records_read\" : 1"));
    }

    @Test
    void inspectVqaRadOnSharedData() {
        var root = SharedData.dataset("vqa-rad");
        Assumptions.assumeTrue(root.isPresent(), SharedData.missingMessage("vqa-rad"));
        CommandRun r = CommandRun.of("data", "inspect", "--dataset", "vqa-rad:" + root.get() + "#test");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("vqa: test 451"), r.out());
        assertTrue(r.out().contains("missing 0"), r.out());
    }

    @Test
    void benchDataPrintsRatios() {
        CommandRun r = CommandRun.of("bench", "data", "--records", "3000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("data inspect --images none"), r.out());
        assertTrue(r.out().contains("vs Jackson"), r.out());
    }
}
