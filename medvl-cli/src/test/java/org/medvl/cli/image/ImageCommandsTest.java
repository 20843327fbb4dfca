package org.medvl.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.cli.Medvl;
import org.medvl.core.io.SharedData;
import org.medvl.image.MedicalImage;
import org.medvl.image.MedicalImages;

/** {@code medvl image info|convert|deid} end to end, including what they print. */
class ImageCommandsTest {
    @TempDir
    Path tmp;

    private static Path sample(String name) {
        Optional<Path> d = SharedData.dataset("dicom-samples");
        Assumptions.assumeTrue(d.isPresent(), SharedData.missingMessage("dicom-samples"));
        return d.get().resolve("pydicom-test-files").resolve(name);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Medvl.run(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void infoShowsFieldsButNoIdentity() {
        Path ct = sample("CT_small.dcm");
        Run r = run("image", "info", ct.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Explicit VR Little Endian") && r.out().contains("128 x 128"), r.out());
        String study = MedicalImages.read(ct).header().studyInstanceUid();
        assertFalse(r.out().contains(study), "info printed the Study Instance UID");
        Run sr = run("image", "info", sample("test-SR.dcm").toString());
        assertTrue(sr.out().contains("none (no Pixel Data"), sr.out());
    }

    @Test
    void convertWritesAWindowedPng() throws Exception {
        Path out = tmp.resolve("lung.png");
        Run r = run("image", "convert", sample("CT_small.dcm").toString(), "--out", out.toString(), "--preset", "lung");
        assertEquals(0, r.code(), r.err());
        MedicalImage png = MedicalImages.read(out);
        assertEquals(128, png.width());
        assertEquals(8, png.bitsStored());
        Run again = run("image", "convert", sample("CT_small.dcm").toString(), "--out", out.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("exists"), again.err());
        Run noImage = run("image", "convert", sample("rtplan.dcm").toString(), "--out", tmp.resolve("x.png").toString());
        assertEquals(1, noImage.code());
        assertTrue(noImage.err().contains("no image"), noImage.err());
        assertFalse(Files.exists(tmp.resolve("x.png")));
    }

    @Test
    void deidPrintsNoIdentifyingValue() throws Exception {
        Path in = tmp.resolve("in.dcm");
        Files.copy(sample("rtplan.dcm"), in);
        Path out = tmp.resolve("out.dcm");
        Run r = run("image", "deid", in.toString(), out.toString());
        assertEquals(0, r.code(), r.err());
        String printed = r.out() + r.err();
        var ds = MedicalImages.readDicom(in).dataset();
        for (int tag : new int[] {0x00100010, 0x00100020, 0x0020000D, 0x00080018}) {
            String v = ds.string(tag);
            assertTrue(!v.isEmpty());
            assertFalse(printed.contains(v), "printed an identifying value");
            assertFalse(MedicalImages.readDicom(out).dataset().string(tag).equals(v));
        }
    }
}
