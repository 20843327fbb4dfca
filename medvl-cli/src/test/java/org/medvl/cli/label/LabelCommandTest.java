package org.medvl.cli.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.CommandRun;

class LabelCommandTest {
    @Test
    void labelsACsvIntoACheXpertLayoutFile(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("reports.csv");
        Files.writeString(in, "uid,findings,impression\n"
                + "1,\"Heart size normal. No effusion.\",No acute disease.\n"
                + "2,Small left pleural effusion.,\"Possible pneumonia, no pneumothorax.\"\n");
        Path out = dir.resolve("labels.csv");
        CommandRun r = CommandRun.of("label", "--in", in.toString(), "--column", "findings", "--column", "impression",
                "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("labelled 2 reports"), r.out());
        var lines = Files.readAllLines(out);
        assertEquals("id,No Finding,Enlarged Cardiomediastinum,Cardiomegaly,Lung Opacity,Lung Lesion,Edema,"
                + "Consolidation,Pneumonia,Atelectasis,Pneumothorax,Pleural Effusion,Pleural Other,Fracture,"
                + "Support Devices", lines.get(0));
        assertEquals("1,1,,0,,,,,,,,0,,,", lines.get(1));
        assertEquals("2,,,,,,,,-1,,0,1,,,", lines.get(2));
    }

    @Test
    void refusesToOverwriteWithoutForce(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("r.txt");
        Files.writeString(in, "No effusion.\n");
        Path out = dir.resolve("labels.csv");
        Files.writeString(out, "precious");
        CommandRun r = CommandRun.of("label", "--in", in.toString(), "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("exists; pass --force"), r.err());
        assertEquals("precious", Files.readString(out));
    }

    @Test
    void missingColumnIsOneClearLine(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("r.csv");
        Files.writeString(in, "id,text\n1,No effusion\n");
        CommandRun r = CommandRun.of("label", "--in", in.toString(), "--out", dir.resolve("o.csv").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("medvl: error: " + in + ":1: missing column \"report\""), r.err());
    }

    @Test
    void evaluateIuPrintsTheQualityTable() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                org.medvl.core.io.SharedData.dataset("iu-xray-reports").isPresent(),
                org.medvl.core.io.SharedData.missingMessage("iu-xray-reports"));
        CommandRun r = CommandRun.of("label", "--evaluate-iu");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("| Pleural Effusion | 188 |"), r.out());
        assertTrue(r.out().contains("(goal >= 0.90: met)"), r.out());
    }

    @Test
    void inlineTextPrintsLabelsAndCues() {
        CommandRun r = CommandRun.of("label", "--text", "Cannot exclude a small pneumothorax.");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Pneumothorax") && r.out().contains("UNCERTAIN"), r.out());
        assertTrue(r.out().contains("cue \"cannot exclude\""), r.out());
    }
}
