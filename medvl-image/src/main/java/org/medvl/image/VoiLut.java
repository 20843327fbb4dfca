package org.medvl.image;

/**
 * A table VOI LUT from the header's VOI LUT Sequence (0028,3010), PS3.3 C.11.2.1.1: modality values from
 * {@code firstMapped} index the table (values outside clamp to its ends); outputs are scaled by {@code 2^bits - 1}.
 * Common on CR/DX radiographs, where the modality's own tone curve lives here rather than in a window.
 *
 * @param firstMapped the modality value that maps to entry 0
 * @param bits bits per output entry
 * @param table the entries
 */
public record VoiLut(int firstMapped, int bits, int[] table) {
    public VoiLut {
        if (table.length == 0 || bits < 1 || bits > 16) {
            throw new IllegalArgumentException("VOI LUT needs entries and 1..16 output bits");
        }
        table = table.clone();
    }

    /** The table as a mapping to [0, 1]. */
    public Window.Mapper mapper() {
        int[] t = table;
        int first = firstMapped;
        float scale = 1f / ((1 << bits) - 1);
        return x -> {
            long k = Math.round((double) x) - first;
            int i = k < 0 ? 0 : k >= t.length ? t.length - 1 : (int) k;
            float y = t[i] * scale;
            return y > 1 ? 1 : y;
        };
    }

    @Override
    public String toString() {
        return "VoiLut[" + table.length + " entries from " + firstMapped + ", " + bits + " bits]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VoiLut v && v.firstMapped == firstMapped && v.bits == bits
                && java.util.Arrays.equals(v.table, table);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * firstMapped + bits) + java.util.Arrays.hashCode(table);
    }
}
