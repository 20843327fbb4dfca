package org.medvl.metrics.labeler.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.ReportLabels;

class LabelCsvTest {
    @Test
    void writeThenReadRoundTrips(@TempDir Path dir) {
        FindingsLabeler l = FindingsLabeler.standard();
        List<ReportLabels> labels = List.of(l.label("Possible effusion, no pneumothorax."), l.label("Normal chest."));
        Path out = dir.resolve("labels.csv");
        LabelCsv.write(out, List.of("a", "b"), List.of("text, with \"quotes\"\nand a newline", "x"), labels);
        assertTrue(LabelCsv.isLabelCsv(out));
        var back = LabelCsv.read(out);
        assertEquals("a", back.get(0).id());
        assertEquals(labels, back.stream().map(LabelCsv.Row::labels).toList());
    }

    @Test
    void readsReportsFromCsvJsonlAndText(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "uid,findings,impression\n7,\"Heart enlarged, lungs clear\",No effusion\n");
        var r = ReportTexts.read(csv, List.of("findings", "impression"), null);
        assertEquals("7", r.get(0).id());
        assertEquals("Heart enlarged, lungs clear .\nNo effusion", r.get(0).text());
        Path jsonl = dir.resolve("r.jsonl");
        Files.writeString(jsonl, "{\"id\": \"x\", \"report\": \"No effusion.\"}\n");
        assertEquals("x", ReportTexts.read(jsonl, List.of("report"), null).get(0).id());
        Path txt = dir.resolve("r.txt");
        Files.writeString(txt, "first report\n\nsecond report\n");
        var t = ReportTexts.read(txt, List.of(), null);
        assertEquals(2, t.size());
        assertEquals(3, t.get(1).line());
    }

    @Test
    void errorsNameFileAndLine(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("r.csv");
        Files.writeString(csv, "uid,text\n1,ok\n");
        var e = assertThrows(MedvlException.class, () -> ReportTexts.read(csv, List.of("findings"), null));
        assertTrue(e.getMessage().startsWith(csv + ":1: missing column \"findings\""), e.getMessage());
        Path labels = dir.resolve("l.csv");
        Files.writeString(labels, "id,No Finding,Enlarged Cardiomediastinum,Cardiomegaly,Lung Opacity,Lung Lesion,"
                + "Edema,Consolidation,Pneumonia,Atelectasis,Pneumothorax,Pleural Effusion,Pleural Other,Fracture,"
                + "Support Devices\n1,1,,,,,,,,,,,,,\n2,2,,,,,,,,,,,,,\n");
        var b = assertThrows(MedvlException.class, () -> LabelCsv.read(labels));
        assertTrue(b.getMessage().startsWith(labels + ":3: column \"No Finding\""), b.getMessage());
        Path other = dir.resolve("r.xml");
        assertThrows(MedvlException.class, () -> ReportTexts.read(other, List.of("x"), null));
    }
}
