package org.medvl.image.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.image.MedicalImage;
import org.medvl.image.codec.JpegLosslessEncoder;
import org.medvl.image.codec.RleCodec;
import org.medvl.image.deid.UidRemapper;
import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.DicomElement;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomWriter;
import org.medvl.image.dicom.Tags;
import org.medvl.image.dicom.TransferSyntax;
import org.medvl.image.dicom.Vr;

/**
 * Writes one greyscale CT slice as DICOM in the four transfer syntaxes the decode benchmark compares: explicit VR
 * little endian, RLE Lossless, JPEG Lossless SV1 (medvl's encoder) and JPEG 2000 lossless (jai-imageio's encoder).
 * Values are stored unsigned (the minimum moved into Rescale Intercept), as most CT scanners store them.
 */
public final class BenchSlices {
    private BenchSlices() {
    }

    /** The written files by label, in benchmark order. */
    public static Map<String, Path> write(MedicalImage src, Path dir) {
        if (src.samplesPerPixel() != 1) {
            throw new MedvlException("benchmark source must be greyscale");
        }
        int[] v = src.storedValues(0);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        int[] u = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] - min;
        }
        int bits = Math.max(8, 32 - Integer.numberOfLeadingZeros(Math.max(1, max - min)));
        if (bits > 16) {
            throw new MedvlException("benchmark source has a value range wider than 16 bits");
        }
        int w = src.width();
        int h = src.height();
        double intercept = src.rescaleIntercept() + min * src.rescaleSlope();
        Map<String, Path> out = new LinkedHashMap<>();
        byte[] le = new byte[u.length * 2];
        for (int i = 0; i < u.length; i++) {
            le[2 * i] = (byte) u[i];
            le[2 * i + 1] = (byte) (u[i] >>> 8);
        }
        out.put("uncompressed", save(dir, "uncompressed.dcm", TransferSyntax.EXPLICIT_LE,
                DicomElement.ofValue(Tags.PIXEL_DATA, Vr.OW, le), w, h, bits, src, intercept));
        out.put("RLE", save(dir, "rle.dcm", TransferSyntax.RLE_LOSSLESS,
                fragments(RleCodec.encode(u, h, w, 1, 2)), w, h, bits, src, intercept));
        out.put("JPEG Lossless", save(dir, "jpeg-lossless.dcm", TransferSyntax.JPEG_LOSSLESS_SV1,
                fragments(JpegLosslessEncoder.encode(u, w, h, bits, 1)), w, h, bits, src, intercept));
        out.put("JPEG 2000", save(dir, "jpeg2000.dcm", TransferSyntax.JPEG2000_LOSSLESS,
                fragments(jpeg2000Lossless(u, w, h)), w, h, bits, src, intercept));
        return out;
    }

    private static DicomElement fragments(byte[] stream) {
        List<byte[]> f = new ArrayList<>();
        f.add(new byte[0]); // empty Basic Offset Table
        f.add(stream);
        return DicomElement.ofFragments(Tags.PIXEL_DATA, Vr.OB, f);
    }

    private static Path save(Path dir, String name, TransferSyntax ts, DicomElement pixels, int w, int h, int bits,
            MedicalImage src, double intercept) {
        DicomDataset ds = new DicomDataset(false);
        String sopClass = "1.2.840.10008.5.1.4.1.1.2"; // CT Image Storage
        UidRemapper uids = new UidRemapper();
        ds.put(DicomWriter.text(Tags.SOP_CLASS_UID, Vr.UI, sopClass));
        ds.put(DicomWriter.text(Tags.SOP_INSTANCE_UID, Vr.UI, uids.remap(name)));
        ds.put(DicomWriter.text(Tags.MODALITY, Vr.CS, src.header().modality().isEmpty() ? "CT"
                : src.header().modality()));
        ds.put(us(Tags.SAMPLES_PER_PIXEL, 1));
        ds.put(DicomWriter.text(Tags.PHOTOMETRIC_INTERPRETATION, Vr.CS, "MONOCHROME2"));
        ds.put(us(Tags.ROWS, h));
        ds.put(us(Tags.COLUMNS, w));
        ds.put(us(Tags.BITS_ALLOCATED, 16));
        ds.put(us(Tags.BITS_STORED, bits));
        ds.put(us(Tags.HIGH_BIT, bits - 1));
        ds.put(us(Tags.PIXEL_REPRESENTATION, 0));
        ds.put(DicomWriter.text(Tags.RESCALE_INTERCEPT, Vr.DS, fmt(intercept)));
        ds.put(DicomWriter.text(Tags.RESCALE_SLOPE, Vr.DS, fmt(src.rescaleSlope())));
        ds.put(pixels);
        DicomFile f = new DicomFile(DicomWriter.metaFor(ds, ts, null), ds, ts, ts.uid(), true);
        byte[] bytes = DicomWriter.write(f);
        Path p = dir.resolve(name);
        AtomicFiles.write(p, o -> o.write(bytes));
        return p;
    }

    private static DicomElement us(int tag, int v) {
        return DicomElement.ofValue(tag, Vr.US, new byte[] {(byte) v, (byte) (v >>> 8)});
    }

    private static String fmt(double v) {
        String s = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        return s.length() > 16 ? String.format("%.10g", v).trim() : s;
    }

    private static byte[] jpeg2000Lossless(int[] u, int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
        img.getRaster().setSamples(0, 0, w, h, 0, u);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg2000").next();
        try (ByteArrayOutputStream bos = new ByteArrayOutputStream();
                ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
            writer.setOutput(ios);
            com.github.jaiimageio.jpeg2000.J2KImageWriteParam p =
                    (com.github.jaiimageio.jpeg2000.J2KImageWriteParam) writer.getDefaultWriteParam();
            p.setLossless(true);
            p.setWriteCodeStreamOnly(true); // DICOM holds the bare codestream, not a JP2 file
            writer.write(null, new IIOImage(img, null, null), p);
            ios.flush();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new MedvlException("cannot encode JPEG 2000: " + e.getMessage());
        } finally {
            writer.dispose();
        }
    }
}
