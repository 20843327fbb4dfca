package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.core.record.VqaItem;

/** Bad input is reported with file and line or record, skips only the bad record, and stops everything in strict mode. */
class MalformedInputTest {
    @TempDir
    Path dir;

    private static final String GOOD = "{\"image\": \"a.jpg\", \"caption\": \"ok\"}";

    @Test
    void badJsonLineIsReportedWithFileAndLineAndTheRestLoads() {
        Path file = new Fixture(dir).text("train.jsonl", Fixture.lines(GOOD, "{\"image\": \"b.jpg\", \"caption\": ",
                GOOD.replace("a.jpg", "c.jpg"), "{\"image\": \"d.jpg\"}", "[1, 2]"));
        Dataset ds = Datasets.open("pmc-oa:" + dir);
        assertEquals(2, ds.pairs().count());
        List<DataProblem> p = ds.problems();
        assertEquals(3, p.size(), p.toString());
        assertEquals(file, p.get(0).file());
        assertEquals(2, p.get(0).line());
        assertTrue(p.get(0).toString().startsWith(file + ":2: invalid JSON"), p.get(0).toString());
        assertEquals(4, p.get(1).line());
        assertTrue(p.get(1).message().contains("missing field \"caption\""), p.get(1).toString());
        assertEquals(5, p.get(2).line());
    }

    @Test
    void strictModeStopsAtTheFirstProblemNamingFileAndLine() {
        new Fixture(dir).text("train.jsonl", Fixture.lines(GOOD, "not json"));
        Dataset ds = Datasets.open(DatasetSpec.parse("pmc-oa:" + dir), LoadOptions.STRICT);
        MedvlException e = assertThrows(MedvlException.class, () -> ds.pairs().count());
        assertTrue(e.getMessage().contains("train.jsonl:2: invalid JSON"), e.getMessage());
    }

    @Test
    void missingCsvColumnSkipsTheFileWithTheHeaderNamed() {
        Path csv = new Fixture(dir).text("quilt_1M_lookup.csv", Fixture.lines("image_path,split", "a.jpg,train"));
        Dataset ds = Datasets.open("quilt-1m:" + dir);
        assertEquals(0, ds.pairs().count());
        DataProblem p = ds.problems().get(0);
        assertEquals(csv, p.file());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("missing column caption"), p.message());
    }

    @Test
    void shortCsvRowIsSkippedWithItsLine() {
        new Fixture(dir).text("quilt_1M_lookup.csv", Fixture.lines("caption,image_path,split", "one,a.jpg,train",
                "two,b.jpg", "\"three\nlines\",c.jpg,train", "four,d.jpg,train"));
        Dataset ds = Datasets.open("quilt-1m:" + dir);
        assertEquals(3, ds.pairs().count());
        assertEquals(3, ds.problems().get(0).line(), ds.problems().toString());
        assertTrue(ds.problems().get(0).message().contains("has 2 fields, the header has 3"));
    }

    @Test
    void imagePathEscapingTheRootIsRejected() {
        new Fixture(dir).text("train.json", "[{\"img_name\": \"../../etc/passwd\", \"question\": \"q?\", \"answer\": \"a\"},"
                + "{\"img_name\": \"/etc/hosts\", \"question\": \"q?\", \"answer\": \"a\"},"
                + "{\"img_name\": \"xmlab1/source.jpg\", \"question\": \"q?\", \"answer\": \"yes\"}]");
        Dataset ds = Datasets.open("slake:" + dir);
        List<VqaItem> items = ds.vqaItems().toList();
        assertEquals(1, items.size());
        assertEquals(2, ds.problems().size());
        assertTrue(ds.problems().get(0).message().contains("escapes the dataset root"), ds.problems().toString());
        assertEquals("record 1", ds.problems().get(0).record());
        assertEquals(1, ds.problems().get(0).line());
    }

    @Test
    void jsonArraySyntaxErrorKeepsTheRecordsBeforeIt() {
        new Fixture(dir).text("train.json", "[\n{\"question\": \"q1\", \"answer\": \"no\", \"image\": \"a.jpg\"},\n"
                + "{\"question\": \"q2\", \"answer\": \"no\" \"image\": \"b.jpg\"}\n]");
        Dataset ds = Datasets.open("pathvqa:" + dir);
        assertEquals(1, ds.vqaItems().count());
        assertEquals(3, ds.problems().get(0).line(), ds.problems().toString());
    }

    @Test
    void invalidUtf8IsReported() {
        byte[] bad = (GOOD + "\n{\"image\": \"b.jpg\", \"caption\": \"caf\u00e9\"}\n").getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        new Fixture(dir).bytes("train.jsonl", bad);
        Dataset ds = Datasets.open("pmc-oa:" + dir);
        ds.pairs().count();
        assertTrue(ds.problems().get(0).message().contains("invalid UTF-8"), ds.problems().toString());
    }

    @Test
    void readingTwiceDoesNotRepeatProblems() {
        new Fixture(dir).text("train.jsonl", Fixture.lines(GOOD, "oops"));
        Dataset ds = Datasets.open("pmc-oa:" + dir);
        ds.pairs().count();
        ds.pairs().count();
        assertEquals(1, ds.problemCount());
    }
}
