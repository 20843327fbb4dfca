package org.medvl.server;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import javax.imageio.ImageIO;
import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.DicomElement;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomWriter;
import org.medvl.image.dicom.Tags;
import org.medvl.image.dicom.TransferSyntax;
import org.medvl.image.dicom.Vr;

/** Images the tests make: PNGs and a small CR DICOM carrying known identifying values. */
final class TestImages {
    static final String PATIENT_NAME = "DOE^JANE^QUIXOTESQUE";
    static final String PATIENT_ID = "MRN-99221377";
    static final String BIRTH_DATE = "19710203";
    static final String INSTITUTION = "Saint Examplia Hospital";
    static final String ACCESSION = "ACC-5512093";
    static final String STUDY_UID = "1.2.826.0.1.3680043.2.1125.777.424242";
    /** Every identifying value the DICOM carries: none may appear in a response, a stored file or a log. */
    static final String[] IDENTIFYING = {PATIENT_NAME, "QUIXOTESQUE", PATIENT_ID, BIRTH_DATE, INSTITUTION, ACCESSION,
            STUDY_UID};

    private TestImages() {
    }

    /** An 8-bit grey PNG with a diagonal gradient. */
    static byte[] png(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = (x + y) * 255 / Math.max(1, w + h - 2);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A 64 x 64 12-bit MONOCHROME2 CR image, Explicit VR Little Endian, with the identifying values above. */
    static byte[] dicom() {
        DicomDataset ds = new DicomDataset(false);
        ds.put(DicomWriter.text(Tags.SOP_CLASS_UID, Vr.UI, "1.2.840.10008.5.1.4.1.1.1"));
        ds.put(DicomWriter.text(Tags.SOP_INSTANCE_UID, Vr.UI, STUDY_UID + ".1.1"));
        ds.put(DicomWriter.text(0x00080050, Vr.SH, ACCESSION));
        ds.put(DicomWriter.text(Tags.MODALITY, Vr.CS, "CR"));
        ds.put(DicomWriter.text(0x00080080, Vr.LO, INSTITUTION));
        ds.put(DicomWriter.text(Tags.PATIENT_NAME, Vr.PN, PATIENT_NAME));
        ds.put(DicomWriter.text(Tags.PATIENT_ID, Vr.LO, PATIENT_ID));
        ds.put(DicomWriter.text(Tags.PATIENT_BIRTH_DATE, Vr.DA, BIRTH_DATE));
        ds.put(DicomWriter.text(Tags.BODY_PART_EXAMINED, Vr.CS, "CHEST"));
        ds.put(DicomWriter.text(Tags.STUDY_INSTANCE_UID, Vr.UI, STUDY_UID));
        ds.put(DicomWriter.text(Tags.SERIES_INSTANCE_UID, Vr.UI, STUDY_UID + ".1"));
        ds.put(us(Tags.SAMPLES_PER_PIXEL, 1));
        ds.put(DicomWriter.text(Tags.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2"));
        ds.put(us(Tags.ROWS, 64));
        ds.put(us(Tags.COLUMNS, 64));
        ds.put(us(Tags.BITS_ALLOCATED, 16));
        ds.put(us(Tags.BITS_STORED, 12));
        ds.put(us(Tags.HIGH_BIT, 11));
        ds.put(us(Tags.PIXEL_REPRESENTATION, 0));
        ds.put(DicomWriter.text(Tags.WINDOW_CENTER, Vr.DS, "2048"));
        ds.put(DicomWriter.text(Tags.WINDOW_WIDTH, Vr.DS, "4096"));
        ByteBuffer px = ByteBuffer.allocate(64 * 64 * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                px.putShort((short) (Math.hypot(x - 32, y - 32) < 20 ? 3000 : 800 + x * 10));
            }
        }
        ds.put(DicomElement.ofValue(Tags.PIXEL_DATA, Vr.OW, px.array()));
        TransferSyntax ts = TransferSyntax.EXPLICIT_LE;
        return DicomWriter.write(new DicomFile(DicomWriter.metaFor(ds, ts, null), ds, ts, ts.uid(), true));
    }

    private static DicomElement us(int tag, int v) {
        return DicomElement.ofValue(tag, Vr.US, new byte[] {(byte) v, (byte) (v >> 8)});
    }
}
