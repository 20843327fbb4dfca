package org.medvl.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.DicomElement;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomParser;
import org.medvl.image.dicom.DicomWriter;
import org.medvl.image.dicom.Tags;
import org.medvl.image.dicom.TransferSyntax;
import org.medvl.image.dicom.Vr;

/** Datasets written in each native transfer syntax read back identically, sequences and palette colour included. */
class DicomWriterTest {
    private static DicomElement us(int tag, int v) {
        return DicomElement.ofValue(tag, Vr.US, new byte[] {(byte) v, (byte) (v >>> 8)});
    }

    private static void pixelModule(DicomDataset ds, String photometric, int rows, int cols, int alloc, int stored) {
        ds.put(us(Tags.SAMPLES_PER_PIXEL, 1));
        ds.put(DicomWriter.text(Tags.PHOTOMETRIC_INTERPRETATION, Vr.CS, photometric));
        ds.put(us(Tags.ROWS, rows));
        ds.put(us(Tags.COLUMNS, cols));
        ds.put(us(Tags.BITS_ALLOCATED, alloc));
        ds.put(us(Tags.BITS_STORED, stored));
        ds.put(us(Tags.HIGH_BIT, stored - 1));
        ds.put(us(Tags.PIXEL_REPRESENTATION, 0));
    }

    private static DicomDataset paletteImage() {
        DicomDataset ds = new DicomDataset(false);
        ds.put(DicomWriter.text(Tags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.7"));
        ds.put(DicomWriter.text(Tags.SOP_INSTANCE_UID, Vr.UI, "2.25.1"));
        ds.put(DicomWriter.text(Tags.MODALITY, Vr.CS, "OT"));
        DicomDataset item = new DicomDataset(false);
        item.put(DicomWriter.text(0x00081150, Vr.UI, "1.2.3"));
        item.put(DicomWriter.text(0x00081155, Vr.UI, "1.2.3.4"));
        ds.put(DicomElement.ofSequence(0x00081140, List.of(item, item)));
        pixelModule(ds, "PALETTE COLOR", 2, 3, 8, 8);
        for (int c = 0; c < 3; c++) {
            byte[] desc = {0, 1, 0, 0, 16, 0}; // 256 entries, first mapped 0, 16 bits
            ds.put(DicomElement.ofValue(0x00281101 + c, Vr.US, desc));
            byte[] lut = new byte[512];
            for (int i = 0; i < 256; i++) {
                int v = (c + 1) * i * 100;
                lut[2 * i] = (byte) v;
                lut[2 * i + 1] = (byte) (v >>> 8);
            }
            ds.put(DicomElement.ofValue(0x00281201 + c, Vr.OW, lut));
        }
        ds.put(DicomElement.ofValue(Tags.PIXEL_DATA, Vr.OB, new byte[] {0, 1, 2, 3, 100, (byte) 200}));
        return ds;
    }

    @Test
    void nativeSyntaxesRoundTrip() {
        DicomDataset ds = paletteImage();
        int[] expected = null;
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_LE, TransferSyntax.IMPLICIT_LE,
                TransferSyntax.DEFLATED_LE)) {
            byte[] bytes = DicomWriter.write(new DicomFile(DicomWriter.metaFor(ds, ts, null), ds, ts, ts.uid(), true));
            DicomFile back = DicomParser.parse(bytes, ts.name(), ImageLimits.DEFAULT);
            assertEquals(ts, back.transferSyntax());
            assertEquals(2, back.dataset().get(0x00081140).items().size(), ts.name());
            assertEquals("1.2.3.4", back.dataset().get(0x00081140).items().get(1).string(0x00081155));
            MedicalImage img = MedicalImages.decode(bytes, ts.name(), 0, 1, ImageLimits.DEFAULT);
            assertEquals("RGB", img.photometric());
            assertEquals(3, img.samplesPerPixel());
            // index 200, green table = 2 * 200 * 100
            assertEquals(40000, img.storedValues(0)[5 * 3 + 1]);
            if (expected == null) {
                expected = img.storedValues(0);
            }
            assertArrayEquals(expected, img.storedValues(0), ts.name());
        }
    }

    @Test
    void voiLutSequenceDrivesTheDisplayWhenNoWindowIsGiven() {
        DicomDataset ds = new DicomDataset(false);
        ds.put(DicomWriter.text(Tags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.1.1"));
        ds.put(DicomWriter.text(Tags.SOP_INSTANCE_UID, Vr.UI, "2.25.2"));
        pixelModule(ds, "MONOCHROME2", 1, 3, 16, 12);
        DicomDataset lut = new DicomDataset(false);
        lut.put(DicomElement.ofValue(0x00283002, Vr.US, new byte[] {0, 16, 0, 0, 12, 0})); // 4096 entries, 12 bits
        byte[] table = new byte[2 * 4096];
        for (int i = 0; i < 4096; i++) { // an inverting tone curve: unmistakably not the full-range default
            int v = 4095 - i;
            table[2 * i] = (byte) v;
            table[2 * i + 1] = (byte) (v >>> 8);
        }
        lut.put(DicomElement.ofValue(0x00283006, Vr.OW, table));
        ds.put(DicomElement.ofSequence(0x00283010, List.of(lut)));
        ds.put(DicomElement.ofValue(Tags.PIXEL_DATA, Vr.OW, new byte[] {0, 0, 0, 8, (byte) 0xFF, 0x0F}));
        for (TransferSyntax ts : List.of(TransferSyntax.EXPLICIT_LE, TransferSyntax.IMPLICIT_LE)) {
            byte[] bytes = DicomWriter.write(new DicomFile(DicomWriter.metaFor(ds, ts, null), ds, ts, ts.uid(), true));
            MedicalImage img = MedicalImages.decode(bytes, ts.name(), 0, 1, ImageLimits.DEFAULT);
            assertEquals(4096, img.header().voiLut().table().length, ts.name());
            java.awt.image.BufferedImage d = new ImagePipeline(PreprocessConfig.grey(1)).toDisplay(img, 0, null);
            assertEquals(255, d.getRaster().getSample(0, 0, 0), ts.name());
            assertEquals(0, d.getRaster().getSample(2, 0, 0), ts.name());
        }
    }
}
