package org.medvl.image.dicom;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.medvl.core.MedvlException;
import org.medvl.image.ImageLimits;

/**
 * Reads DICOM Part 10 files and raw datasets (PS3.10 7, PS3.5 7): implicit and explicit VR little endian, explicit
 * big endian and deflated, sequences and items of defined or undefined length, UN sequences (PS3.5 6.2.2), private
 * attributes and encapsulated pixel data. Every declared length is checked against what remains before anything is
 * allocated, so truncated or hostile files end in a {@link MedvlException} naming the file and the attribute.
 */
public final class DicomParser {
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    private static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 48;

    private final byte[] buf;
    private final String source;
    private final ImageLimits limits;
    private int pos;

    private DicomParser(byte[] buf, String source, ImageLimits limits) {
        this.buf = buf;
        this.source = source;
        this.limits = limits;
    }

    /** Whether the bytes look like DICOM: a Part 10 prefix or a raw dataset's first attribute. */
    public static boolean looksLikeDicom(byte[] head) {
        if (head.length >= 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M') {
            return true;
        }
        return sniff(head, 0) != null;
    }

    /** Parses a whole file held in memory; {@code source} names it in error messages. */
    public static DicomFile parse(byte[] data, String source, ImageLimits limits) {
        return new DicomParser(data, source, limits).parseFile();
    }

    private DicomFile parseFile() {
        boolean part10 = buf.length >= 132 && buf[128] == 'D' && buf[129] == 'I' && buf[130] == 'C'
                && buf[131] == 'M';
        DicomDataset meta = new DicomDataset(false);
        if (part10) {
            pos = 132;
        } else if (buf.length >= 4 && buf[0] == 'D' && buf[1] == 'I' && buf[2] == 'C' && buf[3] == 'M') {
            pos = 4;
            part10 = true;
        }
        if (part10) {
            parseMeta(meta);
        }
        String uid = meta.string(Tags.TRANSFER_SYNTAX_UID);
        TransferSyntax ts = uid.isEmpty() ? null : TransferSyntax.ofUid(uid);
        if (ts == null) {
            TransferSyntax sniffed = sniff(buf, pos);
            if (sniffed == null && part10 && buf.length - pos >= 8) {
                // Part 10 file without a Transfer Syntax UID: PS3.5 default is implicit VR little endian
                sniffed = Vr.of(buf[pos + 4] & 0xFF, buf[pos + 5] & 0xFF) != null ? TransferSyntax.EXPLICIT_LE
                        : TransferSyntax.IMPLICIT_LE;
            }
            if (sniffed == null) {
                if (!part10) {
                    throw error("not a DICOM file (no DICM prefix and no recognisable dataset)");
                }
                if (pos >= buf.length) {
                    throw error("DICOM file has no dataset after its file meta information");
                }
                throw error("cannot recognise the dataset encoding after the file meta information");
            }
            // An unknown compressed syntax is still encoded as explicit VR little endian (PS3.5 A.4).
            ts = sniffed;
        }
        byte[] data = buf;
        int start = pos;
        if (ts.deflated()) {
            data = inflate(buf, pos);
            start = 0;
        }
        DicomParser body = data == buf ? this : new DicomParser(data, source, limits);
        body.pos = start;
        DicomDataset ds = body.parseDataset(data.length, ts.explicitVr(), ts.bigEndian(), 0, false);
        return new DicomFile(meta, ds, ts, uid.isEmpty() ? ts.uid() : uid, part10);
    }

    private void parseMeta(DicomDataset meta) {
        while (pos + 8 <= buf.length && u16(pos, false) == 0x0002) {
            // Some writers put the meta group in implicit VR; tolerate it (as dcmtk and pydicom do).
            boolean explicit = Vr.of(buf[pos + 4] & 0xFF, buf[pos + 5] & 0xFF) != null;
            DicomElement e = readElement(buf.length, explicit, false, 0);
            if (e != null) {
                meta.put(e);
            }
        }
    }

    /** Guesses the encoding of a raw dataset from its first attribute, as dcmtk and pydicom do. */
    static TransferSyntax sniff(byte[] b, int at) {
        if (b.length - at < 8) {
            return null;
        }
        int groupLe = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
        int groupBe = (b[at + 1] & 0xFF) | (b[at] & 0xFF) << 8;
        boolean vrLetters = Vr.of(b[at + 4] & 0xFF, b[at + 5] & 0xFF) != null;
        if (groupLe >= 0x0002 && groupLe <= 0x0010 && (groupLe & 1) == 0) {
            return vrLetters ? TransferSyntax.EXPLICIT_LE : TransferSyntax.IMPLICIT_LE;
        }
        if (groupBe >= 0x0002 && groupBe <= 0x0010 && (groupBe & 1) == 0 && vrLetters) {
            return TransferSyntax.EXPLICIT_BE;
        }
        return null;
    }

    private byte[] inflate(byte[] in, int from) {
        Inflater inflater = new Inflater(true);
        inflater.setInput(in, from, in.length - from);
        long cap = Math.min(limits.maxFileBytes(), (long) (in.length - from) * limits.maxCompressionRatio() + 4096);
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, (in.length - from) * 4));
        byte[] chunk = new byte[1 << 16];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(chunk, 0, n);
                if (out.size() > cap) {
                    throw error("deflated dataset expands beyond the " + cap + "-byte limit (decompression bomb?)");
                }
            }
        } catch (DataFormatException e) {
            throw error("deflated dataset is corrupt: " + e.getMessage());
        } finally {
            inflater.end();
        }
        return out.toByteArray();
    }

    private DicomDataset parseDataset(int end, boolean explicit, boolean be, int depth, boolean inItem) {
        if (depth > MAX_DEPTH) {
            throw error("sequences nested deeper than " + MAX_DEPTH + " levels at byte " + pos);
        }
        DicomDataset ds = new DicomDataset(be);
        while (pos < end) {
            if (end - pos < 8) {
                if (allZero(pos, end)) {
                    pos = end;
                    break;
                }
                throw error("file is truncated: " + (end - pos) + " stray bytes at byte " + pos);
            }
            int tag = tag(pos, be);
            if (tag == ITEM_DELIMITATION) {
                pos += 8;
                if (inItem) {
                    return ds;
                }
                continue;
            }
            if (tag == SEQUENCE_DELIMITATION) {
                // stray delimiter outside a sequence: skip, as dcmtk does
                pos += 8;
                continue;
            }
            DicomElement e = readElement(end, explicit, be, depth);
            if (e != null && (e.tag() & 0xFFFF) != 0) { // group lengths are recomputed on writing, never trusted
                ds.put(e);
            }
        }
        if (inItem && end != buf.length) {
            return ds; // defined-length item ends at its length
        }
        if (inItem) {
            throw error("file is truncated inside a sequence item (no item delimiter before end of file)");
        }
        return ds;
    }

    private DicomElement readElement(int end, boolean explicit, boolean be, int depth) {
        int start = pos;
        int tag = tag(pos, be);
        pos += 4;
        Vr vr;
        long len;
        if (explicit) {
            vr = Vr.of(buf[pos] & 0xFF, buf[pos + 1] & 0xFF);
            if (vr == null) {
                // Unknown VR: PS3.5 6.2 says treat as UN; dcmtk reads a 4-byte length when the 2 reserved bytes are 0.
                boolean reservedZero = buf[pos + 2] == 0 && buf[pos + 3] == 0 && end - pos >= 8;
                vr = Vr.UN;
                if (reservedZero) {
                    len = u32(pos + 4, be);
                    pos += 8;
                } else {
                    len = u16(pos + 2, be);
                    pos += 4;
                }
            } else if (vr.longLength()) {
                need(pos + 8, end, tag, start);
                len = u32(pos + 4, be);
                pos += 8;
            } else {
                len = u16(pos + 2, be);
                pos += 4;
            }
        } else {
            vr = Dictionary.vr(tag);
            len = u32(pos, be);
            pos += 4;
        }
        if (len == UNDEFINED) {
            if (tag == Tags.PIXEL_DATA) {
                return DicomElement.ofFragments(tag, vr == Vr.UN ? Vr.OB : vr, readFragments(end, be, tag));
            }
            if (vr == Vr.SQ || vr == Vr.UN || !explicit) {
                // UN of undefined length is a sequence encoded in implicit VR little endian (PS3.5 6.2.2)
                boolean itemExplicit = explicit && vr == Vr.SQ;
                boolean itemBe = vr == Vr.SQ && be;
                return DicomElement.ofSequence(tag, readItems(end, -1, itemExplicit, itemBe, depth, tag));
            }
            throw error(DicomElement.tagString(tag) + " has undefined length but is not a sequence (VR " + vr + ")");
        }
        if (len > end - pos) {
            throw error("file is truncated: " + DicomElement.tagString(tag) + " declares " + len + " bytes but only "
                    + (end - pos) + " remain");
        }
        int n = (int) len;
        if (vr == Vr.SQ) {
            return DicomElement.ofSequence(tag, readItems(pos + n, pos + n, explicit, be, depth, tag));
        }
        if (vr == Vr.UN && n >= 8 && tag(pos, false) == ITEM && tag != Tags.PIXEL_DATA) {
            // implicit VR with a tag medvl's dictionary lacks, or a UN sequence of defined length: try items
            int save = pos;
            try {
                return DicomElement.ofSequence(tag, readItems(pos + n, pos + n, false, false, depth, tag));
            } catch (MedvlException notItems) {
                pos = save;
            }
        }
        byte[] value = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return DicomElement.ofValue(tag, vr, value);
    }

    /** Items until the sequence ends: at {@code limit} for defined length, at a sequence delimiter otherwise. */
    private List<DicomDataset> readItems(int end, int limit, boolean explicit, boolean be, int depth, int seqTag) {
        List<DicomDataset> items = new ArrayList<>();
        while (true) {
            if (limit >= 0 && pos >= limit) {
                break;
            }
            need(pos + 8, end, seqTag, pos);
            int tag = tag(pos, be);
            long len = u32(pos + 4, be);
            pos += 8;
            if (tag == SEQUENCE_DELIMITATION) {
                break;
            }
            if (tag != ITEM) {
                throw error("sequence " + DicomElement.tagString(seqTag) + " holds " + DicomElement.tagString(tag)
                        + " where an item was expected");
            }
            if (len == UNDEFINED) {
                items.add(parseDataset(end, explicit, be, depth + 1, true));
            } else {
                if (len > end - pos) {
                    throw error("file is truncated: an item of " + DicomElement.tagString(seqTag) + " declares " + len
                            + " bytes but only " + (end - pos) + " remain");
                }
                int itemEnd = pos + (int) len;
                DicomParser sub = this;
                items.add(sub.parseItem(itemEnd, explicit, be, depth + 1));
            }
        }
        return items;
    }

    private DicomDataset parseItem(int itemEnd, boolean explicit, boolean be, int depth) {
        DicomDataset ds = parseDataset(itemEnd, explicit, be, depth, false);
        pos = itemEnd;
        return ds;
    }

    private List<byte[]> readFragments(int end, boolean be, int tag) {
        List<byte[]> fragments = new ArrayList<>();
        while (true) {
            need(pos + 8, end, tag, pos);
            int t = tag(pos, be);
            long len = u32(pos + 4, be);
            pos += 8;
            if (t == SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (t != ITEM) {
                throw error("encapsulated pixel data holds " + DicomElement.tagString(t) + " where a fragment was expected");
            }
            if (len > end - pos) {
                throw error("file is truncated: a pixel data fragment declares " + len + " bytes but only "
                        + (end - pos) + " remain");
            }
            fragments.add(Arrays.copyOfRange(buf, pos, pos + (int) len));
            pos += (int) len;
        }
    }

    private void need(int upTo, int end, int tag, int at) {
        if (upTo > end) {
            throw error("file is truncated in " + DicomElement.tagString(tag) + " at byte " + at);
        }
    }

    private boolean allZero(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private int u16(int at, boolean be) {
        return be ? (buf[at] & 0xFF) << 8 | (buf[at + 1] & 0xFF) : (buf[at + 1] & 0xFF) << 8 | (buf[at] & 0xFF);
    }

    private long u32(int at, boolean be) {
        long hi = be ? u16(at, true) : u16(at + 2, false);
        long lo = be ? u16(at + 2, true) : u16(at, false);
        return hi << 16 | lo;
    }

    private int tag(int at, boolean be) {
        return u16(at, be) << 16 | u16(at + 2, be);
    }

    private MedvlException error(String what) {
        return new MedvlException(source + ": " + what);
    }
}
