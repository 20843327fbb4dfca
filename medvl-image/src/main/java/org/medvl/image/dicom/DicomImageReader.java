package org.medvl.image.dicom;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medvl.core.MedvlException;
import org.medvl.image.ImageHeader;
import org.medvl.image.ImageLimits;
import org.medvl.image.MedicalImage;
import org.medvl.image.VoiLut;
import org.medvl.image.Window;
import org.medvl.image.codec.CodecException;
import org.medvl.image.codec.DecodedFrame;
import org.medvl.image.codec.ImageIoCodecs;
import org.medvl.image.codec.JpegDecoder;
import org.medvl.image.codec.JpegLsDecoder;
import org.medvl.image.codec.RleCodec;

/**
 * Turns a parsed DICOM file into a {@link MedicalImage}: picks the frame's bytes (native, or the fragments of
 * encapsulated pixel data via the Basic or Extended Offset Table), runs the transfer syntax's codec, keeps Bits Stored
 * (sign-extending signed data) and converts YBR colour to RGB.
 */
public final class DicomImageReader {
    private static final Map<String, String> NON_IMAGE = Map.of(
            "1.2.840.10008.5.1.4.1.1.481.5", "RT Plan",
            "1.2.840.10008.5.1.4.1.1.481.3", "RT Structure Set",
            "1.2.840.10008.5.1.4.1.1.9.1.1", "12-lead ECG waveform",
            "1.2.840.10008.1.3.10", "Media Storage Directory (DICOMDIR)",
            "1.2.840.10008.5.1.4.1.1.88.11", "Basic Text SR",
            "1.2.840.10008.5.1.4.1.1.88.22", "Enhanced SR",
            "1.2.840.10008.5.1.4.1.1.88.33", "Comprehensive SR",
            "1.2.840.10008.5.1.4.1.1.104.1", "Encapsulated PDF");

    private DicomImageReader() {
    }

    /** The header fields of a parsed file (works for files without pixel data too). */
    public static ImageHeader header(DicomFile f) {
        DicomDataset ds = f.dataset();
        TransferSyntax ts = f.transferSyntax();
        String tsUid = f.transferSyntaxUid();
        String tsName = TransferSyntax.ofUid(tsUid) != null ? ts.title() : "unknown (" + tsUid + ")";
        String sopClass = ds.string(Tags.SOP_CLASS_UID);
        if (sopClass.isEmpty()) {
            sopClass = f.meta().string(Tags.MEDIA_STORAGE_SOP_CLASS_UID);
        }
        return new ImageHeader("DICOM", tsUid, tsName, sopClass, ds.string(Tags.MODALITY),
                ds.string(Tags.BODY_PART_EXAMINED), ds.string(Tags.VIEW_POSITION),
                ds.string(Tags.PHOTOMETRIC_INTERPRETATION), ds.string(Tags.PATIENT_AGE), ds.string(Tags.PATIENT_SEX),
                ds.string(Tags.STUDY_INSTANCE_UID), ds.string(Tags.SERIES_INSTANCE_UID),
                ds.string(Tags.SOP_INSTANCE_UID), windows(ds), voiLut(ds), Math.max(1, ds.integer(Tags.NUMBER_OF_FRAMES, 1)));
    }

    /** Whether the dataset has pixel data medvl can show. */
    public static boolean hasImage(DicomFile f) {
        return f.dataset().contains(Tags.PIXEL_DATA);
    }

    /**
     * Decodes frames {@code first .. first+count-1} ({@code count < 0}: all from {@code first}).
     *
     * @param source the file name, for messages
     */
    public static MedicalImage read(DicomFile f, int first, int count, String source, ImageLimits limits) {
        DicomDataset ds = f.dataset();
        DicomElement pixels = ds.get(Tags.PIXEL_DATA);
        if (pixels == null) {
            String sop = ds.string(Tags.SOP_CLASS_UID);
            String kind = NON_IMAGE.getOrDefault(sop, ds.string(Tags.MODALITY).isEmpty() ? "object"
                    : ds.string(Tags.MODALITY) + " object");
            if (ds.contains(Tags.FLOAT_PIXEL_DATA) || ds.contains(Tags.DOUBLE_FLOAT_PIXEL_DATA)) {
                throw new MedvlException(source + ": float pixel data (7FE0,0008/0009) is not supported");
            }
            throw new MedvlException(source + ": no image: this DICOM " + kind + " has no Pixel Data (7FE0,0010)");
        }
        PixelFormat pf = PixelFormat.of(ds, source);
        if (first < 0 || first >= pf.frames()) {
            throw new MedvlException(source + ": frame " + first + " does not exist (the file has " + pf.frames()
                    + " frame" + (pf.frames() == 1 ? "" : "s") + ", numbered from 0)");
        }
        int n = count < 0 ? pf.frames() - first : Math.min(count, pf.frames() - first);
        if (pf.samplesPerFrame() * n > limits.maxSamples()) {
            throw new MedvlException(source + ": image of " + pf.cols() + "x" + pf.rows() + "x" + pf.samplesPerPixel()
                    + " x " + n + " frames exceeds the limit of " + limits.maxSamples() + " samples");
        }
        TransferSyntax ts = f.transferSyntax();
        if (pixels.isEncapsulated() != ts.encapsulated() && !(pixels.isEncapsulated()
                && TransferSyntax.ofUid(f.transferSyntaxUid()) == null)) {
            throw new MedvlException(source + ": pixel data is " + (pixels.isEncapsulated() ? "" : "not ")
                    + "encapsulated but the transfer syntax is " + ts.title());
        }
        if (pixels.isEncapsulated() && TransferSyntax.ofUid(f.transferSyntaxUid()) == null) {
            throw new MedvlException(source + ": unsupported transfer syntax " + f.transferSyntaxUid());
        }
        final boolean signed = pf.signed();
        String photometric = pf.photometric();
        List<int[]> frames = new ArrayList<>(n);
        List<byte[]> encoded = pixels.isEncapsulated() ? frameStreams(ds, pixels, pf.frames(), source) : null;
        for (int i = first; i < first + n; i++) {
            try {
                int[] samples;
                if (encoded == null) {
                    samples = NativePixels.frame(pixels, pf, i, ds.bigEndian(), source);
                    if (photometric.startsWith("YBR_FULL") && pf.samplesPerPixel() == 3) {
                        keepBits(samples, pf, false);
                        Ybr.toRgb(samples, pf.bitsStored());
                    } else {
                        keepBits(samples, pf, signed);
                    }
                } else {
                    byte[] stream = encoded.get(i);
                    checkRatio(stream, pf, limits, source);
                    DecodedFrame d = decode(ts, stream, pf, limits);
                    if (d.width() != pf.cols() || d.height() != pf.rows() || d.components() != pf.samplesPerPixel()) {
                        throw new CodecException("codestream is " + d.width() + "x" + d.height() + "x"
                                + d.components() + " but the header says " + pf.cols() + "x" + pf.rows() + "x"
                                + pf.samplesPerPixel());
                    }
                    samples = d.samples();
                    // Pixel Representation decides signedness even when a JPEG 2000 codestream says otherwise
                    // (J2K_pixelrep_mismatch.dcm: unsigned codestream, signed CT in HU; trusting the header gives air
                    // at -1000, trusting the codestream wraps it to +7192)
                    // colour follows the Photometric Interpretation, as dcmtk's default (+cp) does: JPEG markers
                    // are not trusted (DICOM writers often omit or contradict them)
                    boolean ybr = d.colorSpace() == DecodedFrame.RAW && photometric.startsWith("YBR_FULL");
                    keepBits(samples, pf, signed && pf.samplesPerPixel() == 1);
                    if (pf.samplesPerPixel() == 3 && ybr) {
                        Ybr.toRgb(samples, Math.min(d.precision(), pf.bitsStored()));
                    }
                }
                frames.add(samples);
            } catch (CodecException e) {
                throw new MedvlException(source + ": frame " + i + " (" + ts.title() + "): " + e.getMessage());
            }
        }
        String outPhotometric = pf.samplesPerPixel() == 3 ? "RGB" : photometric;
        int bitsStored = pf.bitsStored();
        int samplesPerPixel = pf.samplesPerPixel();
        if (photometric.equals("PALETTE COLOR") && samplesPerPixel == 1) {
            Palette palette = Palette.of(ds, source);
            frames.replaceAll(palette::apply);
            outPhotometric = "RGB";
            samplesPerPixel = 3;
            bitsStored = palette.bits();
        }
        double slope = ds.number(Tags.RESCALE_SLOPE, 1);
        double intercept = ds.number(Tags.RESCALE_INTERCEPT, 0);
        if (slope == 0) {
            slope = 1;
        }
        if (!ds.contains(Tags.RESCALE_SLOPE) && "RTDOSE".equals(ds.string(Tags.MODALITY))) {
            slope = ds.number(0x3004000E, 1); // Dose Grid Scaling: stored x scaling = dose in Gy
        }
        return new MedicalImage(header(f), pf.cols(), pf.rows(), samplesPerPixel, outPhotometric, bitsStored,
                signed && samplesPerPixel == 1, slope, intercept, first, frames);
    }

    private static DecodedFrame decode(TransferSyntax ts, byte[] stream, PixelFormat pf, ImageLimits limits) {
        long max = limits.maxSamples();
        switch (ts.codec()) {
            case RLE:
                if (pf.bitsAllocated() < 8) {
                    throw new CodecException("RLE with Bits Allocated " + pf.bitsAllocated() + " is not supported");
                }
                return new DecodedFrame(pf.cols(), pf.rows(), pf.samplesPerPixel(), pf.bitsAllocated(),
                        RleCodec.decode(stream, pf.rows(), pf.cols(), pf.samplesPerPixel(), pf.bitsAllocated() / 8),
                        DecodedFrame.RAW);
            case JPEG_LS:
                return JpegLsDecoder.decode(stream, max);
            case JPEG2000:
                return ImageIoCodecs.jpeg2000(stream, max);
            default: {
                int sof = JpegDecoder.frameType(stream);
                boolean imageIo = (sof == 0xC0 || sof == 0xC1) && precisionOf(stream) == 8;
                return imageIo ? ImageIoCodecs.jpeg(stream, max) : JpegDecoder.decode(stream, max);
            }
        }
    }

    private static int precisionOf(byte[] s) {
        int p = 2;
        while (p + 5 <= s.length && (s[p] & 0xFF) == 0xFF) {
            int m = s[p + 1] & 0xFF;
            if (m == 0xFF) {
                p++;
                continue;
            }
            if (m >= 0xC0 && m <= 0xC3) {
                return s[p + 4] & 0xFF;
            }
            p += 2 + ((s[p + 2] & 0xFF) << 8 | (s[p + 3] & 0xFF));
        }
        return -1;
    }

    private static void checkRatio(byte[] stream, PixelFormat pf, ImageLimits limits, String source) {
        long decodedBytes = pf.samplesPerFrame() * Math.max(1, pf.bitsAllocated() / 8);
        if (decodedBytes > (long) Math.max(stream.length, 64) * limits.maxCompressionRatio()) {
            throw new MedvlException(source + ": " + stream.length + " compressed bytes cannot hold a "
                    + pf.cols() + "x" + pf.rows() + "x" + pf.samplesPerPixel() + " frame (beyond "
                    + limits.maxCompressionRatio() + ":1; decompression bomb?)");
        }
    }

    /** Keeps Bits Stored below High Bit and sign-extends signed values (PS3.5 8.1.1). */
    static void keepBits(int[] s, PixelFormat pf, boolean signed) {
        int stored = pf.bitsStored();
        int shift = pf.highBit() + 1 - stored;
        if (stored == 32) {
            return;
        }
        int mask = (1 << stored) - 1;
        int signBit = 1 << (stored - 1);
        for (int i = 0; i < s.length; i++) {
            int v = (s[i] >>> shift) & mask;
            s[i] = signed && (v & signBit) != 0 ? v - (1 << stored) : v;
        }
    }

    /** Splits encapsulated pixel data into one codestream per frame (PS3.5 A.4). */
    static List<byte[]> frameStreams(DicomDataset ds, DicomElement pixels, int frames, String source) {
        List<byte[]> frags = pixels.fragments();
        if (frags.size() < 2) {
            throw new MedvlException(source + ": encapsulated pixel data has no fragments");
        }
        List<byte[]> data = frags.subList(1, frags.size());
        if (frames == 1) {
            return List.of(concat(data));
        }
        long[] offsets = offsetTable(ds, frags.get(0), frames);
        if (offsets != null) {
            List<byte[]> out = new ArrayList<>(frames);
            long at = 0;
            int k = 0;
            for (int fr = 0; fr < frames; fr++) {
                long next = fr + 1 < frames ? offsets[fr + 1] : Long.MAX_VALUE;
                List<byte[]> mine = new ArrayList<>();
                while (k < data.size() && at < next) {
                    if (at >= offsets[fr]) {
                        mine.add(data.get(k));
                    }
                    at += 8 + data.get(k).length;
                    k++;
                }
                if (mine.isEmpty()) {
                    throw new MedvlException(source + ": offset table points frame " + fr + " at no fragment");
                }
                out.add(concat(mine));
            }
            return out;
        }
        if (data.size() == frames) {
            return data;
        }
        // No offset table and more fragments than frames: a frame starts at each JPEG SOI / JPEG 2000 SOC marker.
        List<byte[]> out = new ArrayList<>();
        List<byte[]> cur = new ArrayList<>();
        for (byte[] d : data) {
            boolean start = d.length >= 2 && (d[0] & 0xFF) == 0xFF && ((d[1] & 0xFF) == 0xD8 || (d[1] & 0xFF) == 0x4F);
            if (start && !cur.isEmpty()) {
                out.add(concat(cur));
                cur = new ArrayList<>();
            }
            cur.add(d);
        }
        if (!cur.isEmpty()) {
            out.add(concat(cur));
        }
        if (out.size() != frames) {
            throw new MedvlException(source + ": cannot tell which of " + data.size() + " fragments belong to which of "
                    + frames + " frames (no offset table)");
        }
        return out;
    }

    private static long[] offsetTable(DicomDataset ds, byte[] bot, int frames) {
        DicomElement ext = ds.get(Tags.EXTENDED_OFFSET_TABLE);
        if (ext != null && ext.value().length == 8L * frames) {
            long[] out = new long[frames];
            byte[] v = ext.value();
            for (int i = 0; i < frames; i++) {
                long x = 0;
                for (int b = 7; b >= 0; b--) {
                    x = x << 8 | (v[i * 8 + b] & 0xFF);
                }
                out[i] = x;
            }
            return ascending(out) ? out : null;
        }
        if (bot.length == 4L * frames) {
            long[] out = new long[frames];
            for (int i = 0; i < frames; i++) {
                out[i] = (bot[i * 4] & 0xFFL) | (bot[i * 4 + 1] & 0xFFL) << 8 | (bot[i * 4 + 2] & 0xFFL) << 16
                        | (bot[i * 4 + 3] & 0xFFL) << 24;
            }
            return ascending(out) ? out : null;
        }
        return null;
    }

    private static boolean ascending(long[] a) {
        for (int i = 1; i < a.length; i++) {
            if (a[i] <= a[i - 1]) {
                return false;
            }
        }
        return a.length > 0 && a[0] == 0;
    }

    private static byte[] concat(List<byte[]> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    /** The first item of the VOI LUT Sequence (0028,3010) as a table, or null when absent or malformed. */
    private static VoiLut voiLut(DicomDataset ds) {
        DicomElement seq = ds.get(0x00283010);
        if (seq == null || !seq.isSequence() || seq.items().isEmpty()) {
            return null;
        }
        DicomDataset item = seq.items().get(0);
        double[] d = item.numbers(0x00283002);
        DicomElement data = item.get(0x00283006);
        if (d.length < 3 || data == null || data.isSequence() || data.isEncapsulated()) {
            return null;
        }
        int entries = d[0] == 0 ? 65536 : (int) d[0];
        int bits = (int) d[2];
        int[] t = bits < 1 || bits > 16 ? null : Palette.table(data.value(), entries, bits, item.bigEndian());
        if (t == null) {
            return null;
        }
        // first mapped value is US or SS (signed when the modality values can be negative)
        int first = (int) d[1];
        if (first > 32767 && ds.integer(Tags.PIXEL_REPRESENTATION, 0) == 1) {
            first -= 65536;
        }
        return new VoiLut(first, bits, t);
    }

    private static List<Window> windows(DicomDataset ds) {
        double[] c = ds.numbers(Tags.WINDOW_CENTER);
        double[] w = ds.numbers(Tags.WINDOW_WIDTH);
        String fn = ds.string(Tags.VOI_LUT_FUNCTION);
        List<Window> out = new ArrayList<>();
        for (int i = 0; i < Math.min(c.length, w.length); i++) {
            if (w[i] >= 1 && Double.isFinite(c[i])) {
                try {
                    out.add(new Window(c[i], w[i], fn));
                } catch (IllegalArgumentException e) {
                    out.add(new Window(c[i], w[i]));
                }
            }
        }
        return out;
    }
}
