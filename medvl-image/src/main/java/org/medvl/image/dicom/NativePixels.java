package org.medvl.image.dicom;

import org.medvl.core.MedvlException;

/** Reads one frame of native (uncompressed) pixel data into unsigned samples, pixel-interleaved (PS3.5 8). */
final class NativePixels {
    private NativePixels() {
    }

    static int[] frame(DicomElement pixels, PixelFormat pf, int frame, boolean bigEndian, String source) {
        byte[] v = pixels.value();
        long frameBits = pf.nativeFrameBits();
        long startBit = frameBits * frame;
        if ((startBit + frameBits + 7) / 8 > v.length) {
            throw new MedvlException(source + ": pixel data holds " + v.length + " bytes, too few for frame " + frame
                    + " of " + pf.cols() + "x" + pf.rows() + "x" + pf.samplesPerPixel() + " at " + pf.bitsAllocated()
                    + " bits");
        }
        int spp = pf.samplesPerPixel();
        int pixelsPerFrame = pf.rows() * pf.cols();
        int n = pixelsPerFrame * spp;
        if (pf.photometric().equals("YBR_FULL_422") && spp == 3) {
            return ybr422(v, (int) (startBit / 8), pf, bigEndian);
        }
        int[] raw = new int[n];
        int start = (int) (startBit / 8);
        switch (pf.bitsAllocated()) {
            case 1:
                for (int i = 0; i < n; i++) {
                    long bit = startBit + i;
                    raw[i] = (v[(int) (bit >>> 3)] >> (int) (bit & 7)) & 1; // PS3.5 8.1.1: least significant bit first
                }
                break;
            case 8: {
                // 8-bit samples in OW under big endian are byte-swapped in pairs (PS3.5 8.2)
                boolean swap = bigEndian && pixels.vr() == Vr.OW;
                for (int i = 0; i < n; i++) {
                    int at = start + i;
                    raw[i] = v[swap ? at ^ 1 : at] & 0xFF;
                }
                break;
            }
            case 16:
                for (int i = 0, p = start; i < n; i++, p += 2) {
                    raw[i] = bigEndian ? (v[p] & 0xFF) << 8 | (v[p + 1] & 0xFF) : (v[p + 1] & 0xFF) << 8 | (v[p] & 0xFF);
                }
                break;
            default:
                for (int i = 0, p = start; i < n; i++, p += 4) {
                    raw[i] = bigEndian
                            ? (v[p] & 0xFF) << 24 | (v[p + 1] & 0xFF) << 16 | (v[p + 2] & 0xFF) << 8 | (v[p + 3] & 0xFF)
                            : (v[p + 3] & 0xFF) << 24 | (v[p + 2] & 0xFF) << 16 | (v[p + 1] & 0xFF) << 8 | (v[p] & 0xFF);
                }
                break;
        }
        if (pf.planar() && spp == 3) {
            int[] inter = new int[n];
            for (int i = 0; i < pixelsPerFrame; i++) {
                inter[i * 3] = raw[i];
                inter[i * 3 + 1] = raw[pixelsPerFrame + i];
                inter[i * 3 + 2] = raw[2 * pixelsPerFrame + i];
            }
            return inter;
        }
        return raw;
    }

    /** YBR_FULL_422 (PS3.3 C.7.6.3.1.2): Y1 Y2 Cb Cr per pair of pixels along a row; chroma is repeated. */
    private static int[] ybr422(byte[] v, int start, PixelFormat pf, boolean bigEndian) {
        if (pf.bitsAllocated() != 8) {
            throw new MedvlException("YBR_FULL_422 with Bits Allocated " + pf.bitsAllocated() + " is not supported");
        }
        int cols = pf.cols();
        int[] out = new int[pf.rows() * cols * 3];
        int p = start;
        for (int y = 0; y < pf.rows(); y++) {
            for (int x = 0; x < cols; x += 2) {
                int y1 = v[p] & 0xFF;
                int y2 = v[p + 1] & 0xFF;
                int cb = v[p + 2] & 0xFF;
                int cr = v[p + 3] & 0xFF;
                p += 4;
                int o = (y * cols + x) * 3;
                out[o] = y1;
                out[o + 1] = cb;
                out[o + 2] = cr;
                if (x + 1 < cols) {
                    out[o + 3] = y2;
                    out[o + 4] = cb;
                    out[o + 5] = cr;
                }
            }
        }
        return out;
    }
}
