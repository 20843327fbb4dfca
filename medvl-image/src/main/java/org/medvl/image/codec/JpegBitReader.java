package org.medvl.image.codec;

/**
 * Reads JPEG entropy-coded data: removes stuffed zero bytes after 0xFF, stops at markers, and fails once it has
 * invented more than a few bytes past the end of the data, so a corrupt stream that claims a huge image ends quickly.
 */
final class JpegBitReader {
    private static final int MAX_PAD_BYTES = 64;
    private final byte[] data;
    private final int end;
    int pos;
    private long bits;
    private int count;
    private int padded;

    JpegBitReader(byte[] data, int pos, int end) {
        this.data = data;
        this.pos = pos;
        this.end = end;
    }

    private void fill() {
        while (count <= 56) {
            int b;
            if (pos >= end) {
                b = 0;
                if (++padded > MAX_PAD_BYTES) {
                    throw new CodecException("JPEG data ends before the image is complete");
                }
            } else {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < end ? data[pos + 1] & 0xFF : 0xD9;
                    if (next == 0x00) {
                        pos += 2;
                    } else {
                        b = 0; // a marker: feed zeros without consuming it
                        if (++padded > MAX_PAD_BYTES) {
                            throw new CodecException("JPEG data ends before the image is complete (marker FF"
                                    + String.format("%02X", next) + ")");
                        }
                    }
                } else {
                    pos++;
                }
            }
            bits |= (long) b << (56 - count);
            count += 8;
        }
    }

    int bits(int n) {
        if (n == 0) {
            return 0;
        }
        if (count < n) {
            fill();
        }
        int v = (int) (bits >>> (64 - n));
        bits <<= n;
        count -= n;
        return v;
    }

    int bit() {
        return bits(1);
    }

    int decode(HuffmanTable t) {
        if (count < 16) {
            fill();
        }
        int peek = (int) (bits >>> (64 - HuffmanTable.LOOKUP_BITS));
        int e = t.lookup[peek];
        if (e != 0) {
            int len = e >>> 8;
            bits <<= len;
            count -= len;
            return e & 0xFF;
        }
        int code = 0;
        for (int len = 1; len <= 16; len++) {
            code = code << 1 | (int) (bits >>> 63);
            bits <<= 1;
            count--;
            if (code <= t.maxCode[len] && t.maxCode[len] >= 0) {
                return t.symbols[t.valPtr[len] + code - t.minCode[len]];
            }
        }
        throw new CodecException("corrupt JPEG data: invalid Huffman code");
    }

    /** Reads {@code s} bits and extends them to a signed difference (T.81 F.2.2.1 EXTEND). */
    int receiveExtend(int s) {
        if (s == 0) {
            return 0;
        }
        int v = bits(s);
        return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
    }

    /** Discards buffered bits and skips an RSTn marker at a restart interval boundary. */
    void restart() {
        bits = 0;
        count = 0;
        padded = 0;
        while (pos + 1 < end && !((data[pos] & 0xFF) == 0xFF && (data[pos + 1] & 0xF8) == 0xD0)) {
            pos++; // tolerate padding before the marker
        }
        if (pos + 1 < end) {
            pos += 2;
        }
    }

    /** Position after the entropy-coded segment: the next marker. */
    int markerPosition() {
        int p = Math.min(pos, end);
        // Bytes already buffered belong to this segment; scan from there to the next real marker.
        while (p + 1 < end && !((data[p] & 0xFF) == 0xFF && (data[p + 1] & 0xFF) != 0 && (data[p + 1] & 0xF8) != 0xD0)) {
            p++;
        }
        return p;
    }
}
