package org.medvl.image.codec;

import java.io.ByteArrayOutputStream;

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header of segment offsets, then one PackBits-style segment per byte
 * plane (most significant byte of each sample first, samples in order). Written by hand: it is a few dozen lines and
 * no library on Maven Central implements the DICOM variant.
 */
public final class RleCodec {
    private RleCodec() {
    }

    /**
     * Decodes one frame into unsigned samples, pixel-interleaved.
     *
     * @param frame the frame's fragment(s) concatenated
     * @param bytesPerSample 1, 2 or 4 (bits allocated / 8)
     */
    public static int[] decode(byte[] frame, int rows, int cols, int samplesPerPixel, int bytesPerSample) {
        if (frame.length < 64) {
            throw new CodecException("RLE frame is shorter than its 64-byte header");
        }
        int segments = le32(frame, 0);
        int expected = samplesPerPixel * bytesPerSample;
        if (segments != expected) {
            throw new CodecException("RLE header lists " + segments + " segments, expected " + expected);
        }
        int pixels = rows * cols;
        int[] out = new int[pixels * samplesPerPixel];
        byte[] plane = new byte[pixels];
        for (int seg = 0; seg < segments; seg++) {
            int start = le32(frame, 4 + 4 * seg);
            int stop = seg + 1 < segments ? le32(frame, 8 + 4 * seg) : frame.length;
            if (start < 64 || start > frame.length || stop < start || stop > frame.length) {
                throw new CodecException("RLE segment " + (seg + 1) + " has a bad offset " + start);
            }
            int n = unpack(frame, start, stop, plane);
            if (n < pixels) {
                throw new CodecException("RLE segment " + (seg + 1) + " decodes to " + n + " bytes, expected " + pixels);
            }
            int sample = seg / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
            for (int i = 0, o = sample; i < pixels; i++, o += samplesPerPixel) {
                out[o] |= (plane[i] & 0xFF) << shift;
            }
        }
        return out;
    }

    private static int unpack(byte[] in, int p, int stop, byte[] out) {
        int o = 0;
        int cap = out.length;
        while (p < stop && o < cap) {
            int n = in[p++];
            if (n >= 0) {
                int count = Math.min(n + 1, Math.min(stop - p, cap - o));
                System.arraycopy(in, p, out, o, count);
                p += n + 1;
                o += count;
            } else if (n != -128) {
                if (p >= stop) {
                    break;
                }
                int count = Math.min(1 - n, cap - o);
                byte b = in[p++];
                for (int k = 0; k < count; k++) {
                    out[o++] = b;
                }
            }
        }
        return o;
    }

    /** Encodes one frame of unsigned samples (pixel-interleaved), for writing test and benchmark files. */
    public static byte[] encode(int[] samples, int rows, int cols, int samplesPerPixel, int bytesPerSample) {
        int pixels = rows * cols;
        int segments = samplesPerPixel * bytesPerSample;
        ByteArrayOutputStream out = new ByteArrayOutputStream(pixels * segments / 2 + 64);
        int[] offsets = new int[segments];
        byte[] header = new byte[64];
        out.write(header, 0, 64);
        byte[] plane = new byte[pixels];
        for (int seg = 0; seg < segments; seg++) {
            offsets[seg] = out.size();
            int sample = seg / bytesPerSample;
            int shift = 8 * (bytesPerSample - 1 - seg % bytesPerSample);
            for (int i = 0; i < pixels; i++) {
                plane[i] = (byte) (samples[i * samplesPerPixel + sample] >>> shift);
            }
            pack(plane, out);
            if ((out.size() & 1) == 1) {
                out.write(0); // segments are padded to even length
            }
        }
        byte[] result = out.toByteArray();
        putLe32(result, 0, segments);
        for (int s = 0; s < segments; s++) {
            putLe32(result, 4 + 4 * s, offsets[s]);
        }
        return result;
    }

    private static void pack(byte[] row, ByteArrayOutputStream out) {
        int i = 0;
        int n = row.length;
        while (i < n) {
            int run = 1;
            while (i + run < n && run < 128 && row[i + run] == row[i]) {
                run++;
            }
            if (run >= 2) {
                out.write(1 - run);
                out.write(row[i]);
                i += run;
                continue;
            }
            int lit = 1;
            while (i + lit < n && lit < 128 && !(i + lit + 1 < n && row[i + lit] == row[i + lit + 1])) {
                lit++;
            }
            out.write(lit - 1);
            out.write(row, i, lit);
            i += lit;
        }
    }

    private static int le32(byte[] b, int p) {
        return (b[p] & 0xFF) | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF) << 16 | (b[p + 3] & 0xFF) << 24;
    }

    private static void putLe32(byte[] b, int p, int v) {
        b[p] = (byte) v;
        b[p + 1] = (byte) (v >>> 8);
        b[p + 2] = (byte) (v >>> 16);
        b[p + 3] = (byte) (v >>> 24);
    }
}
