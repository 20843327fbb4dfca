package org.medvl.image.dicom;

import org.medvl.core.MedvlException;

/**
 * PALETTE COLOR lookup (PS3.3 C.7.6.3.1.5-6): the descriptors (0028,1101-1103) give entries, first mapped value and
 * bits per entry; the data (0028,1201-1203) the red, green and blue tables. Segmented palettes are not supported.
 */
final class Palette {
    private final int first;
    private final int bits;
    private final int[][] lut = new int[3][];

    private Palette(DicomDataset ds, String source) {
        int[] firsts = new int[3];
        int[] bitsOf = new int[3];
        for (int c = 0; c < 3; c++) {
            double[] d = ds.numbers(0x00281101 + c);
            DicomElement data = ds.get(0x00281201 + c);
            if (d.length < 3 || data == null) {
                throw new MedvlException(source + ": PALETTE COLOR image without its "
                        + (data == null ? "lookup table data (0028,120" + (c + 1) + ")" : "descriptor (0028,110" + (c + 1) + ")")
                        + (ds.contains(0x00281221) ? " (segmented palettes are not supported)" : ""));
            }
            int entries = d[0] == 0 ? 65536 : (int) d[0];
            firsts[c] = (int) d[1];
            bitsOf[c] = (int) d[2];
            byte[] v = data.value();
            int[] t = table(v, entries, bitsOf[c], ds.bigEndian());
            if (t == null) {
                throw new MedvlException(source + ": palette table (0028,120" + (c + 1) + ") holds " + v.length
                        + " bytes for " + entries + " entries");
            }
            lut[c] = t;
        }
        first = firsts[0];
        bits = Math.max(bitsOf[0], Math.max(bitsOf[1], bitsOf[2])) > 8 ? 16 : 8;
    }

    /**
     * LUT data (palette or VOI): one 16-bit word per entry in the dataset's byte order, or, for 8-bit entries
     * written packed, one byte per entry. Null when the data is too short for {@code entries}.
     */
    static int[] table(byte[] v, int entries, int bits, boolean bigEndian) {
        boolean packed8 = bits <= 8 && v.length < 2 * entries;
        if (v.length < (packed8 ? entries : 2L * entries)) {
            return null;
        }
        int[] t = new int[entries];
        for (int i = 0; i < entries; i++) {
            int w = packed8 ? v[i] & 0xFF : bigEndian ? (v[2 * i] & 0xFF) << 8 | (v[2 * i + 1] & 0xFF)
                    : (v[2 * i + 1] & 0xFF) << 8 | (v[2 * i] & 0xFF);
            t[i] = bits <= 8 ? w & 0xFF : w;
        }
        return t;
    }

    static Palette of(DicomDataset ds, String source) {
        return new Palette(ds, source);
    }

    int bits() {
        return bits;
    }

    /** Maps indices (clamped to the table, as PS3.3 requires for values outside it) to interleaved RGB. */
    int[] apply(int[] index) {
        int[] out = new int[index.length * 3];
        for (int i = 0; i < index.length; i++) {
            for (int c = 0; c < 3; c++) {
                int[] t = lut[c];
                int k = index[i] - first;
                out[i * 3 + c] = t[k < 0 ? 0 : k >= t.length ? t.length - 1 : k];
            }
        }
        return out;
    }
}
