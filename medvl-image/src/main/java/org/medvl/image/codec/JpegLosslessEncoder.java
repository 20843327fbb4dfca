package org.medvl.image.codec;

import java.io.ByteArrayOutputStream;
import java.util.PriorityQueue;

/**
 * A small lossless JPEG encoder (T.81 process 14, one component, any predictor 1..7, optimal Huffman table per
 * image). medvl uses it to make test and benchmark files when dcmtk is not installed; it is not tuned for speed.
 */
public final class JpegLosslessEncoder {
    private JpegLosslessEncoder() {
    }

    /** Encodes greyscale samples (unsigned, {@code precision} bits) with the given predictor. */
    public static byte[] encode(int[] samples, int width, int height, int precision, int predictor) {
        if (predictor < 1 || predictor > 7 || precision < 2 || precision > 16) {
            throw new IllegalArgumentException("predictor 1..7 and precision 2..16 required");
        }
        int n = width * height;
        int[] diffs = new int[n];
        int[] freq = new int[17];
        int mask = 0xFFFF;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int at = y * width + x;
                int pred;
                if (at == 0) {
                    pred = 1 << (precision - 1);
                } else if (y == 0) {
                    pred = samples[at - 1];
                } else if (x == 0) {
                    pred = samples[at - width];
                } else {
                    pred = LosslessPredictor.predict(predictor, samples[at - 1], samples[at - width],
                            samples[at - width - 1]);
                }
                int d = (samples[at] - pred) & mask;
                if (d >= 32768) {
                    d -= 65536; // differences are modulo 2^16, taken in [-32768, 32767]
                }
                diffs[at] = d;
                freq[category(d)]++;
            }
        }
        int[] lengths = codeLengths(freq);
        int[] codes = new int[17];
        int[] counts = new int[17];
        for (int s = 0; s < 17; s++) {
            if (lengths[s] > 0) {
                counts[lengths[s]]++;
            }
        }
        // canonical codes in order of (length, symbol), as T.81 C.2 assigns them from BITS and HUFFVAL
        int code = 0;
        int[] order = new int[17];
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            for (int s = 0; s < 17; s++) {
                if (lengths[s] == len) {
                    codes[s] = code++;
                    order[k++] = s;
                }
            }
            code <<= 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        marker(out, 0xD8);
        marker(out, 0xC3);
        u16(out, 11);
        out.write(precision);
        u16(out, height);
        u16(out, width);
        out.write(1);
        out.write(1);
        out.write(0x11);
        out.write(0);
        marker(out, 0xC4);
        u16(out, 2 + 1 + 16 + k);
        out.write(0x00);
        for (int len = 1; len <= 16; len++) {
            out.write(counts[len]);
        }
        for (int i = 0; i < k; i++) {
            out.write(order[i]);
        }
        marker(out, 0xDA);
        u16(out, 8);
        out.write(1);
        out.write(1);
        out.write(0x00);
        out.write(predictor);
        out.write(0);
        out.write(0);
        BitWriter bw = new BitWriter(out);
        for (int d : diffs) {
            int s = category(d);
            bw.put(codes[s], lengths[s]);
            if (s > 0 && s < 16) {
                bw.put(d < 0 ? d - 1 : d, s); // T.81 F.1.2.1: negative values are sent as d - 1, low s bits
            }
        }
        bw.flush();
        marker(out, 0xD9);
        return out.toByteArray();
    }

    private static int category(int d) {
        if (d == -32768) {
            return 16;
        }
        int a = Math.abs(d);
        return a == 0 ? 0 : 32 - Integer.numberOfLeadingZeros(a);
    }

    /** Huffman code lengths with a reserved all-ones code (T.81 K.2's extra symbol), at most 16 bits. */
    private static int[] codeLengths(int[] freq) {
        int m = freq.length + 1;
        long[] f = new long[m];
        for (int i = 0; i < freq.length; i++) {
            f[i] = freq[i];
        }
        f[freq.length] = 1; // reserved symbol so that no real code is all ones
        int[] parent = new int[2 * m];
        java.util.Arrays.fill(parent, -1);
        PriorityQueue<long[]> q = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(b[1], a[1]));
        int used = 0;
        for (int i = 0; i < m; i++) {
            if (f[i] > 0) {
                q.add(new long[] {f[i], i});
                used++;
            }
        }
        int next = m;
        while (q.size() > 1) {
            long[] a = q.poll();
            long[] b = q.poll();
            parent[(int) a[1]] = next;
            parent[(int) b[1]] = next;
            q.add(new long[] {a[0] + b[0], next++});
        }
        int[] len = new int[freq.length];
        boolean tooLong = false;
        for (int i = 0; i < freq.length; i++) {
            if (f[i] == 0) {
                continue;
            }
            int d = 0;
            for (int p = i; parent[p] >= 0; p = parent[p]) {
                d++;
            }
            len[i] = Math.max(1, d);
            tooLong |= len[i] > 16;
        }
        if (tooLong || used == 1) {
            for (int i = 0; i < freq.length; i++) {
                len[i] = f[i] > 0 ? 5 : 0; // 17 symbols fit in 5-bit codes with the all-ones code unused
            }
        }
        return len;
    }

    private static void marker(ByteArrayOutputStream out, int m) {
        out.write(0xFF);
        out.write(m);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    /** MSB-first bit packing with 0xFF byte stuffing. */
    private static final class BitWriter {
        private final ByteArrayOutputStream out;
        private long acc;
        private int bits;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void put(int value, int n) {
            acc = acc << n | (value & ((1L << n) - 1));
            bits += n;
            while (bits >= 8) {
                int b = (int) (acc >>> (bits - 8)) & 0xFF;
                out.write(b);
                if (b == 0xFF) {
                    out.write(0);
                }
                bits -= 8;
            }
        }

        void flush() {
            if (bits > 0) {
                put(0x7F, 8 - bits); // pad with one bits (T.81 F.1.2.3)
            }
        }
    }
}
