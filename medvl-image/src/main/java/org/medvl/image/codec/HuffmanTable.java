package org.medvl.image.codec;

/**
 * A JPEG Huffman table (ITU-T T.81 Annex C and F.2.2.3) with a 9-bit lookup for the common short codes and the
 * MAXCODE/VALPTR procedure for the rest.
 */
final class HuffmanTable {
    static final int LOOKUP_BITS = 9;
    /** For each 9-bit prefix: (code length << 8) | symbol, or 0 when the code is longer. */
    final int[] lookup = new int[1 << LOOKUP_BITS];
    final int[] maxCode = new int[18];
    final int[] valPtr = new int[17];
    final int[] minCode = new int[17];
    final int[] symbols;

    HuffmanTable(int[] counts, int[] symbols) {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            valPtr[len] = k;
            minCode[len] = code;
            code += counts[len - 1];
            k += counts[len - 1];
            maxCode[len] = counts[len - 1] == 0 ? -1 : code - 1;
            if (code > (1 << len)) {
                throw new CodecException("JPEG Huffman table is over-subscribed");
            }
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
        for (int len = 1; len <= LOOKUP_BITS; len++) {
            for (int c = minCode[len]; c <= maxCode[len]; c++) {
                int sym = symbols[valPtr[len] + c - minCode[len]];
                int shift = LOOKUP_BITS - len;
                for (int fill = 0; fill < (1 << shift); fill++) {
                    lookup[(c << shift) | fill] = len << 8 | sym;
                }
            }
        }
    }
}
