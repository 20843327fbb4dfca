package org.medvl.image.codec;

/**
 * A JPEG decoder for what DICOM archives hold and Java's ImageIO cannot read: lossless JPEG (T.81 process 14, SOF3,
 * all seven predictors, point transform, restart intervals), which most CT/CR archives use, and 12-bit sequential
 * DCT (process 4, SOF1). Written by hand because no library on Maven Central decodes either: ImageIO's JPEG reader
 * stops at 8-bit DCT, and the DICOM toolkits with lossless codecs (dcm4che, PixelMed) are not on Central.
 * Output is the raw component samples; colour conversion is the caller's, decided by the Photometric Interpretation.
 * Instances are single-use; the class is thread-safe in that each decode creates its own state.
 */
public final class JpegDecoder {
    private static final int[] ZIGZAG = {0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40,
        48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58,
        59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63};
    private static final float[][] IDCT = new float[8][8];

    static {
        for (int x = 0; x < 8; x++) {
            for (int u = 0; u < 8; u++) {
                double cu = u == 0 ? Math.sqrt(0.5) : 1;
                IDCT[x][u] = (float) (cu * Math.cos((2 * x + 1) * u * Math.PI / 16) / 2);
            }
        }
    }

    private final byte[] data;
    private final int end;
    private final long maxSamples;
    private int pos;
    private final HuffmanTable[] dcTables = new HuffmanTable[4];
    private final HuffmanTable[] acTables = new HuffmanTable[4];
    private final int[][] quant = new int[4][];
    private int restartInterval;
    private int sof = -1;
    private int precision;
    private int width;
    private int height;
    private int nComp;
    private int[] compId;
    private int[] hSamp;
    private int[] vSamp;
    private int[] qSel;
    private int hMax = 1;
    private int vMax = 1;
    /** Lossless: one plane per component at full size; DCT: one plane per component, padded to whole blocks. */
    private int[][] planes;
    private int[] planeWidth;

    private JpegDecoder(byte[] data, int offset, int length, long maxSamples) {
        this.data = data;
        this.pos = offset;
        this.end = offset + length;
        this.maxSamples = maxSamples;
    }

    /** Decodes a JPEG stream (lossless SOF3 or DCT SOF0/SOF1 at 8 or 12 bits). */
    public static DecodedFrame decode(byte[] data, long maxSamples) {
        try {
            return new JpegDecoder(data, 0, data.length, maxSamples).run();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new CodecException("corrupt JPEG data (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The SOF marker (0xC0..0xCF) of a JPEG stream, or -1 when none is found in its header. */
    public static int frameType(byte[] data) {
        int p = 2;
        while (p + 4 <= data.length && (data[p] & 0xFF) == 0xFF) {
            int m = data[p + 1] & 0xFF;
            if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
                return m;
            }
            if (m == 0xFF) {
                p++;
                continue;
            }
            p += 2 + ((data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF));
        }
        return -1;
    }

    private DecodedFrame run() {
        if (end - pos < 4 || (data[pos] & 0xFF) != 0xFF || (data[pos + 1] & 0xFF) != 0xD8) {
            throw new CodecException("not a JPEG stream (no SOI marker)");
        }
        pos += 2;
        while (true) {
            int m = nextMarker();
            if (m == 0xD9) {
                break;
            }
            if (m >= 0xD0 && m <= 0xD7 || m == 0x01) {
                continue;
            }
            int len = u16(pos);
            if (len < 2 || pos + len > end) {
                throw new CodecException("JPEG marker FF" + hex(m) + " has a bad length " + len);
            }
            int segEnd = pos + len;
            int p = pos + 2;
            switch (m) {
                case 0xC4: readHuffman(p, segEnd); break;
                case 0xDB: readQuant(p, segEnd); break;
                case 0xDD: restartInterval = u16(p); break;
                case 0xC0: case 0xC1: case 0xC3: readFrame(m, p, segEnd); break;
                case 0xC2: case 0xC5: case 0xC6: case 0xC7: case 0xC9: case 0xCA: case 0xCB: case 0xCD: case 0xCE:
                case 0xCF:
                    throw new CodecException("unsupported JPEG process (SOF" + (m - 0xC0) + ")");
                case 0xDA:
                    pos = segEnd;
                    readScan(p);
                    continue;
                default:
                    break; // APPn, COM, DNL...: skip
            }
            pos = segEnd;
        }
        if (planes == null) {
            throw new CodecException("JPEG stream has no image");
        }
        return sof == 0xC3 ? losslessOutput() : dctOutput();
    }

    private int nextMarker() {
        while (pos + 1 < end && (data[pos] & 0xFF) != 0xFF) {
            pos++; // tolerate garbage between segments
        }
        while (pos + 1 < end && (data[pos + 1] & 0xFF) == 0xFF) {
            pos++; // fill bytes
        }
        if (pos + 1 >= end) {
            if (planes != null) {
                return 0xD9; // missing EOI after complete scans: accept, as libjpeg does
            }
            throw new CodecException("JPEG stream ends before an image");
        }
        int m = data[pos + 1] & 0xFF;
        pos += 2;
        return m;
    }

    private void readHuffman(int p, int segEnd) {
        while (p < segEnd) {
            int tc = (data[p] & 0xFF) >> 4;
            int th = data[p] & 0x0F;
            if (th > 3 || tc > 1 || p + 17 > segEnd) {
                throw new CodecException("bad JPEG Huffman table");
            }
            int[] counts = new int[16];
            int total = 0;
            for (int i = 0; i < 16; i++) {
                counts[i] = data[p + 1 + i] & 0xFF;
                total += counts[i];
            }
            p += 17;
            if (total > 256 || p + total > segEnd) {
                throw new CodecException("bad JPEG Huffman table");
            }
            int[] symbols = new int[total];
            for (int i = 0; i < total; i++) {
                symbols[i] = data[p + i] & 0xFF;
            }
            p += total;
            (tc == 0 ? dcTables : acTables)[th] = new HuffmanTable(counts, symbols);
        }
    }

    private void readQuant(int p, int segEnd) {
        while (p < segEnd) {
            int pq = (data[p] & 0xFF) >> 4;
            int tq = data[p] & 0x0F;
            p++;
            if (tq > 3 || p + 64 * (pq + 1) > segEnd) {
                throw new CodecException("bad JPEG quantisation table");
            }
            int[] q = new int[64];
            for (int i = 0; i < 64; i++) {
                q[ZIGZAG[i]] = pq == 0 ? data[p + i] & 0xFF : u16(p + 2 * i);
            }
            p += 64 * (pq + 1);
            quant[tq] = q;
        }
    }

    private void readFrame(int marker, int p, int segEnd) {
        if (planes != null) {
            throw new CodecException("JPEG stream has more than one frame");
        }
        sof = marker;
        precision = data[p] & 0xFF;
        height = u16(p + 1);
        width = u16(p + 3);
        nComp = data[p + 5] & 0xFF;
        if (nComp < 1 || nComp > 4 || p + 6 + 3 * nComp > segEnd) {
            throw new CodecException("JPEG frame has " + nComp + " components");
        }
        boolean lossless = marker == 0xC3;
        if (lossless ? precision < 2 || precision > 16 : precision != 8 && precision != 12) {
            throw new CodecException("JPEG precision " + precision + " is not valid for SOF" + (marker - 0xC0));
        }
        if (width == 0 || height == 0) {
            throw new CodecException("JPEG frame has zero size (DNL-defined height is not supported)");
        }
        if ((long) width * height * nComp > maxSamples) {
            throw new CodecException("JPEG frame " + width + "x" + height + "x" + nComp + " exceeds the sample limit");
        }
        compId = new int[nComp];
        hSamp = new int[nComp];
        vSamp = new int[nComp];
        qSel = new int[nComp];
        for (int c = 0; c < nComp; c++) {
            int q = p + 6 + 3 * c;
            compId[c] = data[q] & 0xFF;
            hSamp[c] = (data[q + 1] & 0xFF) >> 4;
            vSamp[c] = data[q + 1] & 0x0F;
            qSel[c] = data[q + 2] & 0x03;
            if (hSamp[c] < 1 || hSamp[c] > 4 || vSamp[c] < 1 || vSamp[c] > 4) {
                throw new CodecException("bad JPEG sampling factors");
            }
            hMax = Math.max(hMax, hSamp[c]);
            vMax = Math.max(vMax, vSamp[c]);
        }
        planes = new int[nComp][];
        planeWidth = new int[nComp];
        if (lossless) {
            for (int c = 0; c < nComp; c++) {
                if (hSamp[c] != hMax || vSamp[c] != vMax) {
                    throw new CodecException("subsampled lossless JPEG is not supported");
                }
                planeWidth[c] = width;
                planes[c] = new int[width * height];
            }
        } else {
            int mcusX = ceilDiv(width, 8 * hMax);
            int mcusY = ceilDiv(height, 8 * vMax);
            for (int c = 0; c < nComp; c++) {
                planeWidth[c] = mcusX * hSamp[c] * 8;
                planes[c] = new int[planeWidth[c] * mcusY * vSamp[c] * 8];
            }
        }
    }

    private void readScan(int p) {
        if (planes == null) {
            throw new CodecException("JPEG scan before frame header");
        }
        int ns = data[p] & 0xFF;
        if (ns < 1 || ns > nComp) {
            throw new CodecException("JPEG scan has " + ns + " components");
        }
        int[] comps = new int[ns];
        HuffmanTable[] dc = new HuffmanTable[ns];
        HuffmanTable[] ac = new HuffmanTable[ns];
        for (int i = 0; i < ns; i++) {
            int cs = data[p + 1 + 2 * i] & 0xFF;
            int idx = -1;
            for (int c = 0; c < nComp; c++) {
                if (compId[c] == cs) {
                    idx = c;
                }
            }
            if (idx < 0) {
                throw new CodecException("JPEG scan names unknown component " + cs);
            }
            comps[i] = idx;
            dc[i] = dcTables[(data[p + 2 + 2 * i] & 0xFF) >> 4];
            ac[i] = acTables[data[p + 2 + 2 * i] & 0x03];
            if (dc[i] == null || sof != 0xC3 && ac[i] == null) {
                throw new CodecException("JPEG scan uses an undefined Huffman table");
            }
        }
        int q = p + 1 + 2 * ns;
        int ss = data[q] & 0xFF;
        int pt = data[q + 2] & 0x0F;
        JpegBitReader in = new JpegBitReader(data, pos, end);
        if (sof == 0xC3) {
            if (ss < 1 || ss > 7) {
                throw new CodecException("JPEG lossless predictor " + ss + " is not 1..7");
            }
            losslessScan(in, comps, dc, ss, pt);
        } else {
            dctScan(in, comps, dc, ac);
        }
        pos = in.markerPosition();
    }

    /**
     * T.81 H.1.2: prediction from neighbours, Huffman-coded differences modulo 2^16. The first sample of the scan and
     * of each restart interval is predicted as 2^(P-Pt-1), the rest of that line from the left, the first sample of
     * later lines from above, all others with the scan's predictor.
     */
    private void losslessScan(JpegBitReader in, int[] comps, HuffmanTable[] dc, int predictor, int pt) {
        int ns = comps.length;
        int initial = 1 << (precision - pt - 1);
        int restartLeft = restartInterval;
        boolean reset = true;
        int firstRow = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (restartInterval > 0) {
                    if (restartLeft == 0) {
                        in.restart();
                        restartLeft = restartInterval;
                        reset = true;
                        firstRow = y;
                    }
                    restartLeft--;
                }
                boolean firstLine = y == firstRow;
                int at = y * width + x;
                for (int i = 0; i < ns; i++) {
                    int[] pl = planes[comps[i]];
                    int pred;
                    if (reset) {
                        pred = initial;
                    } else if (firstLine) {
                        pred = pl[at - 1];
                    } else if (x == 0) {
                        pred = pl[at - width];
                    } else {
                        pred = LosslessPredictor.predict(predictor, pl[at - 1], pl[at - width], pl[at - width - 1]);
                    }
                    int s = in.decode(dc[i]);
                    int diff;
                    if (s == 16) {
                        diff = 32768;
                    } else if (s > 16) {
                        throw new CodecException("corrupt lossless JPEG: difference category " + s);
                    } else {
                        diff = in.receiveExtend(s);
                    }
                    pl[at] = (pred + diff) & 0xFFFF;
                }
                reset = false;
            }
        }
        if (pt > 0) {
            for (int c : comps) {
                int[] pl = planes[c];
                for (int k = 0; k < pl.length; k++) {
                    pl[k] <<= pt;
                }
            }
        }
    }

    private void dctScan(JpegBitReader in, int[] comps, HuffmanTable[] dc, HuffmanTable[] ac) {
        int ns = comps.length;
        int[] pred = new int[ns];
        int[] block = new int[64];
        float[] tmp = new float[64];
        int mcusX;
        int mcusY;
        if (ns == 1) {
            int c = comps[0];
            mcusX = ceilDiv(ceilDiv(width * hSamp[c], hMax), 8);
            mcusY = ceilDiv(ceilDiv(height * vSamp[c], vMax), 8);
        } else {
            mcusX = ceilDiv(width, 8 * hMax);
            mcusY = ceilDiv(height, 8 * vMax);
        }
        int restartLeft = restartInterval;
        for (int my = 0; my < mcusY; my++) {
            for (int mx = 0; mx < mcusX; mx++) {
                if (restartInterval > 0) {
                    if (restartLeft == 0) {
                        in.restart();
                        restartLeft = restartInterval;
                        java.util.Arrays.fill(pred, 0);
                    }
                    restartLeft--;
                }
                for (int i = 0; i < ns; i++) {
                    int c = comps[i];
                    int hs = ns == 1 ? 1 : hSamp[c];
                    int vs = ns == 1 ? 1 : vSamp[c];
                    int[] q = quant[qSel[c]];
                    if (q == null) {
                        throw new CodecException("JPEG component uses an undefined quantisation table");
                    }
                    for (int v = 0; v < vs; v++) {
                        for (int h = 0; h < hs; h++) {
                            java.util.Arrays.fill(block, 0);
                            int s = in.decode(dc[i]);
                            if (s > 15) {
                                throw new CodecException("corrupt JPEG: DC category " + s);
                            }
                            pred[i] += in.receiveExtend(s);
                            block[0] = pred[i] * q[0];
                            for (int k = 1; k < 64; k++) {
                                int rs = in.decode(ac[i]);
                                int r = rs >> 4;
                                int sz = rs & 15;
                                if (sz == 0) {
                                    if (r == 15) {
                                        k += 15;
                                        continue;
                                    }
                                    break;
                                }
                                k += r;
                                if (k > 63) {
                                    throw new CodecException("corrupt JPEG: AC coefficient index past 63");
                                }
                                int z = ZIGZAG[k];
                                block[z] = in.receiveExtend(sz) * q[z];
                            }
                            int bx = (mx * hs + h) * 8;
                            int by = (my * vs + v) * 8;
                            idct(block, tmp, planes[c], planeWidth[c], bx, by);
                        }
                    }
                }
            }
        }
    }

    /** Separable float inverse DCT (T.81 A.3.3), level shift and clamp to the sample precision. */
    private void idct(int[] in, float[] tmp, int[] plane, int stride, int bx, int by) {
        for (int u = 0; u < 8; u++) { // columns: vertical 1-D IDCT
            for (int y = 0; y < 8; y++) {
                float s = 0;
                float[] row = IDCT[y];
                for (int v = 0; v < 8; v++) {
                    s += row[v] * in[v * 8 + u];
                }
                tmp[y * 8 + u] = s;
            }
        }
        int shift = 1 << (precision - 1);
        int max = (1 << precision) - 1;
        int rows = plane.length / stride;
        for (int y = 0; y < 8; y++) {
            if (by + y >= rows) {
                break;
            }
            for (int x = 0; x < 8; x++) {
                float s = 0;
                float[] row = IDCT[x];
                for (int u = 0; u < 8; u++) {
                    s += row[u] * tmp[y * 8 + u];
                }
                int v = Math.round(s) + shift;
                plane[(by + y) * stride + bx + x] = v < 0 ? 0 : v > max ? max : v;
            }
        }
    }

    private DecodedFrame losslessOutput() {
        int[] out = new int[width * height * nComp];
        for (int c = 0; c < nComp; c++) {
            int[] pl = planes[c];
            for (int k = 0, o = c; k < pl.length; k++, o += nComp) {
                out[o] = pl[k];
            }
        }
        return new DecodedFrame(width, height, nComp, precision, out, DecodedFrame.RAW);
    }

    private DecodedFrame dctOutput() {
        int[] out = new int[width * height * nComp];
        for (int c = 0; c < nComp; c++) {
            int[] pl = planes[c];
            int stride = planeWidth[c];
            for (int y = 0; y < height; y++) {
                int sy = y * vSamp[c] / vMax;
                for (int x = 0; x < width; x++) {
                    out[(y * width + x) * nComp + c] = pl[sy * stride + x * hSamp[c] / hMax];
                }
            }
        }
        return new DecodedFrame(width, height, nComp, precision, out, DecodedFrame.RAW);
    }

    private int u16(int p) {
        if (p + 1 >= end) {
            throw new CodecException("JPEG header is truncated");
        }
        return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static String hex(int m) {
        return String.format("%02X", m);
    }
}
