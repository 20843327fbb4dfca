package org.medvl.image.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * Writes a {@link DicomFile} as a Part 10 file: preamble, "DICM", File Meta Information in explicit VR little endian
 * with its group length recomputed, then the dataset in the file's transfer syntax. Sequences, items and encapsulated
 * pixel data are written with undefined length (valid in every transfer syntax), so nested lengths never need
 * recomputing; group lengths are not written (PS3.5 7.2 makes them optional).
 */
public final class DicomWriter {
    private DicomWriter() {
    }

    public static byte[] write(DicomFile f) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128], 0, 128);
        out.write('D');
        out.write('I');
        out.write('C');
        out.write('M');
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        DicomDataset m = f.meta();
        for (DicomElement e : m.elements()) {
            if (e.tag() != 0x00020000) {
                element(meta, e, true, false);
            }
        }
        byte[] metaBytes = meta.toByteArray();
        element(out, DicomElement.ofValue(0x00020000, Vr.UL, le32(metaBytes.length)), true, false);
        out.write(metaBytes, 0, metaBytes.length);
        TransferSyntax ts = f.transferSyntax();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        dataset(body, f.dataset(), ts.explicitVr(), ts.bigEndian());
        byte[] bodyBytes = body.toByteArray();
        if (ts.deflated()) {
            Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
            d.setInput(bodyBytes);
            d.finish();
            byte[] buf = new byte[1 << 16];
            ByteArrayOutputStream z = new ByteArrayOutputStream();
            while (!d.finished()) {
                int n = d.deflate(buf);
                z.write(buf, 0, n);
            }
            d.end();
            bodyBytes = z.toByteArray();
        }
        out.write(bodyBytes, 0, bodyBytes.length);
        return out.toByteArray();
    }

    /** A File Meta Information group for a dataset: SOP class/instance from the dataset, the given syntax. */
    public static DicomDataset metaFor(DicomDataset ds, TransferSyntax ts, DicomDataset original) {
        DicomDataset m = new DicomDataset(false);
        m.put(DicomElement.ofValue(0x00020001, Vr.OB, new byte[] {0, 1}));
        m.put(text(Tags.MEDIA_STORAGE_SOP_CLASS_UID, Vr.UI, ds.string(Tags.SOP_CLASS_UID)));
        m.put(text(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, ds.string(Tags.SOP_INSTANCE_UID)));
        m.put(text(Tags.TRANSFER_SYNTAX_UID, Vr.UI, ts.uid()));
        m.put(text(Tags.IMPLEMENTATION_CLASS_UID, Vr.UI, "2.25.119016298730417617004458358612350423183"));
        m.put(text(Tags.IMPLEMENTATION_VERSION_NAME, Vr.SH, "MEDVL_0_1"));
        return m;
    }

    /** A text element, padded to even length (UI with NUL, others with space, PS3.5 6.2). */
    public static DicomElement text(int tag, Vr vr, String value) {
        byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
        if ((b.length & 1) == 1) {
            byte[] p = new byte[b.length + 1];
            System.arraycopy(b, 0, p, 0, b.length);
            p[b.length] = vr == Vr.UI ? 0 : (byte) ' ';
            b = p;
        }
        return DicomElement.ofValue(tag, vr, b);
    }

    private static void dataset(ByteArrayOutputStream out, DicomDataset ds, boolean explicit, boolean be) {
        for (DicomElement e : ds.elements()) {
            element(out, e, explicit, be);
        }
    }

    private static void element(ByteArrayOutputStream out, DicomElement e, boolean explicit, boolean be) {
        tag(out, e.tag(), be);
        Vr vr = e.vr();
        boolean undefined = e.isSequence() || e.isEncapsulated();
        byte[] value = e.value();
        if ((value.length & 1) == 1) {
            byte[] p = new byte[value.length + 1];
            System.arraycopy(value, 0, p, 0, value.length);
            p[value.length] = vr.isText() && vr != Vr.UI ? (byte) ' ' : 0;
            value = p;
        }
        long len = undefined ? 0xFFFFFFFFL : value.length;
        if (explicit) {
            out.write(vr.name().charAt(0));
            out.write(vr.name().charAt(1));
            if (vr.longLength() || undefined) {
                out.write(0);
                out.write(0);
                u32(out, len, be);
            } else if (value.length > 0xFFFF) {
                throw new IllegalStateException(DicomElement.tagString(e.tag()) + " value too long for VR " + vr);
            } else {
                u16(out, (int) len, be);
            }
        } else {
            u32(out, len, be);
        }
        if (e.isSequence()) {
            for (DicomDataset item : e.items()) {
                tag(out, DicomParser.ITEM, be);
                u32(out, 0xFFFFFFFFL, be);
                dataset(out, item, explicit, be);
                tag(out, DicomParser.ITEM_DELIMITATION, be);
                u32(out, 0, be);
            }
            tag(out, DicomParser.SEQUENCE_DELIMITATION, be);
            u32(out, 0, be);
        } else if (e.isEncapsulated()) {
            for (byte[] frag : e.fragments()) {
                tag(out, DicomParser.ITEM, be);
                int n = frag.length + (frag.length & 1);
                u32(out, n, be);
                out.write(frag, 0, frag.length);
                if ((frag.length & 1) == 1) {
                    out.write(0);
                }
            }
            tag(out, DicomParser.SEQUENCE_DELIMITATION, be);
            u32(out, 0, be);
        } else {
            out.write(value, 0, value.length);
        }
    }

    private static void tag(ByteArrayOutputStream out, int tag, boolean be) {
        u16(out, tag >>> 16, be);
        u16(out, tag & 0xFFFF, be);
    }

    private static void u16(ByteArrayOutputStream out, int v, boolean be) {
        if (be) {
            out.write(v >>> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >>> 8);
        }
    }

    private static void u32(ByteArrayOutputStream out, long v, boolean be) {
        if (be) {
            u16(out, (int) (v >>> 16) & 0xFFFF, true);
            u16(out, (int) v & 0xFFFF, true);
        } else {
            u16(out, (int) v & 0xFFFF, false);
            u16(out, (int) (v >>> 16) & 0xFFFF, false);
        }
    }

    static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
