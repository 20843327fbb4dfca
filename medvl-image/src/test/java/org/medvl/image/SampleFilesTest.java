package org.medvl.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medvl.core.MedvlException;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomImageReader;

/** Every image-bearing sample decodes; objects without pixels say "no image"; broken files fail clearly. */
class SampleFilesTest {
    /** Files that are broken on purpose (pydicom's README says how), with the error medvl must give. */
    private static final Map<String, String> BROKEN = Map.of(
            "pydicom-test-files/MR_truncated.dcm", "truncated",
            "pydicom-test-files/rtplan_truncated.dcm", "truncated",
            "pydicom-test-files/SC_rgb_jpeg.dcm", "truncated",
            "pydicom-test-files/no_meta.dcm", "not a recognised image",
            "pydicom-test-files/dicomdirtests/DICOMDIR-nooffset", "truncated",
            // 4 bytes of the SIZ segment (Rsiz and the image width) were overwritten to test the DICOM parser
            "pydicom-test-files/JPEG2000-embedded-sequence-delimiter.dcm", "JPEG 2000",
            // pixel data without Rows/Columns inside a file that only tests private sequences
            "pydicom-test-files/nested_priv_SQ.dcm", "Rows/Columns",
            "pydicom-test-files/meta_missing_tsyntax.dcm", "Rows/Columns");

    @Test
    void everyImageBearingSampleDecodesAndOthersSayNoImage() {
        List<String> decoded = new ArrayList<>();
        List<String> noImage = new ArrayList<>();
        for (Path p : Samples.dicomCandidates()) {
            String name = Samples.name(p);
            if (BROKEN.containsKey(name)) {
                MedvlException e = assertThrows(MedvlException.class, () -> MedicalImages.read(p), name);
                assertTrue(e.getMessage().startsWith(p.toString()), "error names the file: " + e.getMessage());
                assertTrue(e.getMessage().contains(BROKEN.get(name)), name + ": " + e.getMessage());
                continue;
            }
            DicomFile f = MedicalImages.readDicom(p);
            if (!DicomImageReader.hasImage(f)) {
                MedvlException e = assertThrows(MedvlException.class, () -> MedicalImages.read(p));
                assertTrue(e.getMessage().contains("no image"), e.getMessage());
                noImage.add(name);
                continue;
            }
            try {
                MedicalImage img = MedicalImages.read(p);
                assertEquals(img.header().numberOfFrames(), img.frameCount(), name);
                assertEquals(img.width() * img.height() * img.samplesPerPixel(), img.storedValues(0).length);
                decoded.add(name);
            } catch (MedvlException e) {
                fail(name + " should decode: " + e.getMessage());
            }
        }
        System.out.println("SampleFilesTest: decoded " + decoded.size() + ", no image " + noImage.size()
                + ", broken on purpose " + BROKEN.size());
        assertTrue(decoded.size() >= 81, "decoded only " + decoded.size() + ": " + decoded);
        assertTrue(noImage.contains("pydicom-test-files/rtplan.dcm") && noImage.contains("pydicom-test-files/test-SR.dcm")
                && noImage.contains("pydicom-test-files/waveform_ecg.dcm"), noImage.toString());
    }

    @Test
    void sameImageInEveryTransferSyntaxGivesTheSameValues() {
        MedicalImage ref = MedicalImages.read(Samples.file("MR_small.dcm"));
        for (String variant : List.of("MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_expb.dcm",
                "MR_small_RLE.dcm", "MR_small_jp2klossless.dcm", "MR_small_padded.dcm",
                "MR_small_jpeg_ls_lossless.dcm")) {
            MedicalImage m = MedicalImages.read(Samples.file(variant));
            assertTrue(java.util.Arrays.equals(ref.storedValues(0), m.storedValues(0)), variant);
        }
    }

    @Test
    void headerFieldsAndModalityLut() {
        MedicalImage ct = MedicalImages.read(Samples.file("CT_small.dcm"));
        assertEquals("CT", ct.header().modality());
        assertEquals(-1024.0, ct.rescaleIntercept());
        assertEquals(ct.storedValues(0)[0] - 1024f, ct.modalityValues(0)[0]);
        assertTrue(ct.signed());
        assertTrue(!ct.header().studyInstanceUid().isEmpty());
        String s = ct.toString();
        assertTrue(!s.contains(ct.header().studyInstanceUid()) && !s.contains(ct.header().sopInstanceUid()), s);
        MedicalImage cr = MedicalImages.read(Samples.root().resolve("pydicom-test-files/dicomdirtests/77654033/CR1/6154"));
        assertTrue(cr.isMonochrome1());
    }

    @Test
    void pixelRepresentationWinsOverTheJpeg2000Codestream() {
        // unsigned 13-bit codestream, Pixel Representation 1: air must come out near -1000 HU or below, not +7000
        MedicalImage ct = MedicalImages.read(Samples.file("J2K_pixelrep_mismatch.dcm"));
        float[] range = ct.modalityRange(0);
        assertTrue(range[0] <= -1000 && range[1] < 4096, range[0] + ".." + range[1]);
    }

    @Test
    void multiFrameFilesReadAnyFrame() {
        Path p = Samples.file("rtdose.dcm");
        MedicalImage all = MedicalImages.read(p);
        assertEquals(15, all.frameCount());
        MedicalImage seventh = MedicalImages.read(p, 7);
        assertEquals(7, seventh.firstFrame());
        assertTrue(java.util.Arrays.equals(all.storedValues(7), seventh.storedValues(0)));
        MedicalImage rle = MedicalImages.read(Samples.file("rtdose_rle.dcm"), 7);
        MedicalImage bigEndian = MedicalImages.read(Samples.file("rtdose_expb.dcm"), 7);
        assertTrue(java.util.Arrays.equals(all.storedValues(7), bigEndian.storedValues(0)));
        assertTrue(java.util.Arrays.equals(all.storedValues(7), rle.storedValues(0)));
        MedvlException e = assertThrows(MedvlException.class, () -> MedicalImages.read(p, 15));
        assertTrue(e.getMessage().contains("frame 15 does not exist"), e.getMessage());
    }

    @Test
    void colourEncodingsAgree() {
        // the same 100x100 test pattern stored as RGB, RLE, YBR_FULL_422 and lossless JPEG: identical after decoding
        MedicalImage rle = MedicalImages.read(Samples.file("SC_rgb_rle.dcm"));
        for (String f : List.of("SC_rgb_jpeg_gdcm.dcm", "SC_rgb_rle_2frame.dcm", "SC_rgb_gdcm_KY.dcm")) {
            assertTrue(java.util.Arrays.equals(rle.storedValues(0), MedicalImages.read(Samples.file(f)).storedValues(0)), f);
        }
    }
}
