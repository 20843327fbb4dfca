package org.medvl.image.codec;

/**
 * A JPEG-LS decoder (ITU-T T.87 / ISO 14495-1): lossless and near-lossless, context modelling with the median edge
 * detector, regular and run modes, LSE preset parameters, one component or several scanned separately (ILV 0) or
 * line-interleaved (ILV 1). Written by hand because no JPEG-LS decoder is on Maven Central (CharLS is C++, and the
 * Java DICOM toolkits that bind it are not on Central).
 */
public final class JpegLsDecoder {
    private static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10,
        11, 12, 13, 14, 15};

    private final byte[] data;
    private final int end;
    private final long maxSamples;
    private int pos;
    private int precision;
    private int width;
    private int height;
    private int nComp;
    private int[] compId;
    private int[][] planes;
    private int maxVal;
    private int t1;
    private int t2;
    private int t3;
    private int reset = 64;
    private boolean presetGiven;

    // per-scan state
    private int near;
    private int range;
    private int qbpp;
    private int limit;
    private int[] ctxA;
    private int[] ctxB;
    private int[] ctxC;
    private int[] ctxN;
    private final int[] runA = new int[2];
    private final int[] runN = new int[2];
    private final int[] runNn = new int[2];
    private Bits in;

    private JpegLsDecoder(byte[] data, long maxSamples) {
        this.data = data;
        this.end = data.length;
        this.maxSamples = maxSamples;
    }

    public static DecodedFrame decode(byte[] data, long maxSamples) {
        try {
            return new JpegLsDecoder(data, maxSamples).run();
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new CodecException("corrupt JPEG-LS data (" + e.getClass().getSimpleName() + ")");
        }
    }

    private DecodedFrame run() {
        if (end < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            throw new CodecException("not a JPEG-LS stream (no SOI marker)");
        }
        pos = 2;
        boolean scanned = false;
        while (pos + 1 < end) {
            while (pos + 1 < end && (data[pos] & 0xFF) != 0xFF) {
                pos++;
            }
            while (pos + 1 < end && (data[pos + 1] & 0xFF) == 0xFF) {
                pos++;
            }
            if (pos + 1 >= end) {
                break;
            }
            int m = data[pos + 1] & 0xFF;
            pos += 2;
            if (m == 0xD9) {
                break;
            }
            int len = u16(pos);
            if (len < 2 || pos + len > end) {
                throw new CodecException("JPEG-LS marker FF" + String.format("%02X", m) + " has a bad length");
            }
            int p = pos + 2;
            switch (m) {
                case 0xF7: frame(p, pos + len); break;
                case 0xF8: preset(p); break;
                case 0xDD:
                    if (u16(p) != 0) {
                        throw new CodecException("JPEG-LS restart intervals are not supported");
                    }
                    break;
                case 0xDA:
                    pos += len;
                    scan(p);
                    scanned = true;
                    continue;
                case 0xC0: case 0xC1: case 0xC2: case 0xC3:
                    throw new CodecException("not a JPEG-LS stream (SOF" + (m - 0xC0) + ")");
                default:
                    break;
            }
            pos += len;
        }
        if (!scanned) {
            throw new CodecException("JPEG-LS stream has no scan");
        }
        int[] out = new int[width * height * nComp];
        for (int c = 0; c < nComp; c++) {
            int[] pl = planes[c];
            for (int i = 0, o = c; i < pl.length; i++, o += nComp) {
                out[o] = pl[i];
            }
        }
        return new DecodedFrame(width, height, nComp, precision, out, DecodedFrame.RAW);
    }

    private void frame(int p, int segEnd) {
        precision = data[p] & 0xFF;
        height = u16(p + 1);
        width = u16(p + 3);
        nComp = data[p + 5] & 0xFF;
        if (precision < 2 || precision > 16 || width < 1 || height < 1 || nComp < 1 || nComp > 4
                || p + 6 + 3 * nComp > segEnd) {
            throw new CodecException("bad JPEG-LS frame header (" + width + "x" + height + ", " + nComp + " comps, "
                    + precision + " bits)");
        }
        if ((long) width * height * nComp > maxSamples) {
            throw new CodecException("JPEG-LS frame " + width + "x" + height + " exceeds the sample limit");
        }
        compId = new int[nComp];
        planes = new int[nComp][width * height];
        for (int c = 0; c < nComp; c++) {
            compId[c] = data[p + 6 + 3 * c] & 0xFF;
        }
    }

    private void preset(int p) {
        int id = data[p] & 0xFF;
        if (id != 1) {
            throw new CodecException("JPEG-LS preset type " + id + " (mapping tables) is not supported");
        }
        maxVal = u16(p + 1);
        t1 = u16(p + 3);
        t2 = u16(p + 5);
        t3 = u16(p + 7);
        int r = u16(p + 9);
        reset = r == 0 ? 64 : r;
        presetGiven = true;
    }

    private void scan(int p) {
        if (planes == null) {
            throw new CodecException("JPEG-LS scan before frame header");
        }
        int ns = data[p] & 0xFF;
        if (ns < 1 || ns > nComp) {
            throw new CodecException("JPEG-LS scan has " + ns + " components");
        }
        int[] comps = new int[ns];
        for (int i = 0; i < ns; i++) {
            int cs = data[p + 1 + 2 * i] & 0xFF;
            comps[i] = -1;
            for (int c = 0; c < nComp; c++) {
                if (compId[c] == cs) {
                    comps[i] = c;
                }
            }
            if (comps[i] < 0) {
                throw new CodecException("JPEG-LS scan names unknown component " + cs);
            }
            if (data[p + 2 + 2 * i] != 0) {
                throw new CodecException("JPEG-LS mapping tables are not supported");
            }
        }
        int q = p + 1 + 2 * ns;
        near = data[q] & 0xFF;
        int ilv = data[q + 1] & 0xFF;
        int pt = data[q + 2] & 0x0F;
        if (pt != 0) {
            throw new CodecException("JPEG-LS point transform is not supported");
        }
        if (ilv > 1 || ilv == 0 && ns != 1) {
            throw new CodecException("JPEG-LS interleave mode " + ilv + " with " + ns + " components is not supported");
        }
        setup();
        in = new Bits();
        int[][] prev = new int[ns][width + 2];
        int[][] cur = new int[ns][width + 2];
        int[] runIndex = new int[ns];
        for (int y = 0; y < height; y++) {
            for (int i = 0; i < ns; i++) {
                int[] t = prev[i];
                prev[i] = cur[i];
                cur[i] = t;
                int[] pl = prev[i];
                int[] cl = cur[i];
                if (y == 0) {
                    java.util.Arrays.fill(pl, 0);
                }
                pl[width + 1] = pl[width];
                cl[0] = pl[1];
                runIndex[i] = line(pl, cl, runIndex[i]);
                System.arraycopy(cl, 1, planes[comps[i]], y * width, width);
            }
        }
        pos = in.markerPosition();
    }

    private void setup() {
        int maxv = presetGiven && maxVal > 0 ? maxVal : (1 << precision) - 1;
        maxVal = maxv;
        range = (maxv + 2 * near) / (2 * near + 1) + 1;
        qbpp = ceilLog2(range);
        int bpp = Math.max(2, ceilLog2(maxv + 1));
        limit = 2 * (bpp + Math.max(8, bpp));
        if (!presetGiven || t1 == 0 || t2 == 0 || t3 == 0) {
            int d1;
            int d2;
            int d3;
            if (maxv >= 128) {
                int factor = (Math.min(maxv, 4095) + 128) / 256;
                d1 = clamp(factor * (3 - 2) + 2 + 3 * near, near + 1, maxv);
                d2 = clamp(factor * (7 - 3) + 3 + 5 * near, d1, maxv);
                d3 = clamp(factor * (21 - 4) + 4 + 7 * near, d2, maxv);
            } else {
                int factor = 256 / (maxv + 1);
                d1 = clamp(Math.max(2, 3 / factor + 3 * near), near + 1, maxv);
                d2 = clamp(Math.max(3, 7 / factor + 5 * near), d1, maxv);
                d3 = clamp(Math.max(4, 21 / factor + 7 * near), d2, maxv);
            }
            t1 = t1 == 0 || !presetGiven ? d1 : t1;
            t2 = t2 == 0 || !presetGiven ? d2 : t2;
            t3 = t3 == 0 || !presetGiven ? d3 : t3;
        }
        int a0 = Math.max(2, (range + 32) / 64);
        ctxA = new int[365];
        ctxB = new int[365];
        ctxC = new int[365];
        ctxN = new int[365];
        java.util.Arrays.fill(ctxA, a0);
        java.util.Arrays.fill(ctxN, 1);
        for (int i = 0; i < 2; i++) {
            runA[i] = a0;
            runN[i] = 1;
            runNn[i] = 0;
        }
    }

    /** Decodes one line; buffers are offset by one (index 0 and width+1 are the edges). Returns the run index. */
    private int line(int[] prev, int[] cur, int runIndex) {
        int x = 1;
        int rb = prev[0];
        int rd = prev[1];
        while (x <= width) {
            int ra = cur[x - 1];
            int rc = rb;
            rb = rd;
            rd = prev[x + 1];
            int qs = (quantize(rd - rb) * 9 + quantize(rb - rc)) * 9 + quantize(rc - ra);
            if (qs != 0) {
                cur[x] = regular(qs, predict(ra, rb, rc));
                x++;
            } else {
                int[] state = {runIndex};
                x += runMode(x, prev, cur, state);
                runIndex = state[0];
                rb = prev[x - 1];
                rd = prev[Math.min(x, width + 1)];
            }
        }
        return runIndex;
    }

    private int regular(int qs, int pred) {
        int sign = qs < 0 ? -1 : 1;
        int q = qs < 0 ? -qs : qs;
        int k = 0;
        while ((ctxN[q] << k) < ctxA[q] && k < 24) {
            k++;
        }
        int px = clampSample(pred + (sign < 0 ? -ctxC[q] : ctxC[q]));
        int err = unmap(decodeValue(k, limit));
        if (k == 0 && near == 0 && 2 * ctxB[q] + ctxN[q] - 1 < 0) {
            err = ~err; // T.87 A.5.2: the mapping is inverted in this context
        }
        update(q, err);
        return reconstruct(px, sign < 0 ? -err : err);
    }

    private void update(int q, int err) {
        int a = ctxA[q] + Math.abs(err);
        int b = ctxB[q] + err * (2 * near + 1);
        int n = ctxN[q];
        if (n == reset) {
            a >>= 1;
            b >>= 1;
            n >>= 1;
        }
        n++;
        ctxA[q] = a;
        ctxN[q] = n;
        int c = ctxC[q];
        if (b + n <= 0) {
            b += n;
            if (b <= -n) {
                b = -n + 1;
            }
            if (c > -128) {
                c--;
            }
        } else if (b > 0) {
            b -= n;
            if (b > 0) {
                b = 0;
            }
            if (c < 127) {
                c++;
            }
        }
        ctxB[q] = b;
        ctxC[q] = c;
    }

    /** T.87 A.7: run length, then the run-interruption sample unless the run reached the end of the line. */
    private int runMode(int x, int[] prev, int[] cur, int[] runIndex) {
        int ra = cur[x - 1];
        int left = width - x + 1;
        int count = 0;
        while (in.bit() == 1) {
            int step = Math.min(1 << J[runIndex[0]], left - count);
            count += step;
            if (step == (1 << J[runIndex[0]])) {
                runIndex[0] = Math.min(31, runIndex[0] + 1);
            }
            if (count == left) {
                break;
            }
        }
        if (count != left) {
            count += J[runIndex[0]] > 0 ? in.bits(J[runIndex[0]]) : 0;
        }
        if (count > left) {
            throw new CodecException("corrupt JPEG-LS data: run past the end of the line");
        }
        for (int i = 0; i < count; i++) {
            cur[x + i] = ra;
        }
        int at = x + count;
        if (at > width) {
            return count;
        }
        int rb = prev[at];
        int value;
        if (Math.abs(ra - rb) <= near) {
            value = reconstruct(ra, runError(1, runIndex[0]));
        } else {
            int e = runError(0, runIndex[0]);
            value = reconstruct(rb, rb - ra > 0 ? e : -e);
        }
        cur[at] = value;
        if (runIndex[0] > 0) {
            runIndex[0]--;
        }
        return count + 1;
    }

    private int runError(int type, int runIndex) {
        int temp = runA[type] + (runN[type] >> 1) * type;
        int k = 0;
        for (int nt = runN[type]; nt < temp && k < 24; nt <<= 1) {
            k++;
        }
        int em = decodeValue(k, limit - J[runIndex] - 1);
        int t = em + type;
        boolean map = (t & 1) != 0;
        int abs = (t + (map ? 1 : 0)) / 2;
        int err = (k != 0 || 2 * runNn[type] >= runN[type]) == map ? -abs : abs;
        if (err < 0) {
            runNn[type]++;
        }
        runA[type] += (em + 1 - type) >> 1;
        if (runN[type] == reset) {
            runA[type] >>= 1;
            runN[type] >>= 1;
            runNn[type] >>= 1;
        }
        runN[type]++;
        return err;
    }

    private int decodeValue(int k, int lim) {
        int high = 0;
        while (in.bit() == 0) {
            if (++high > 4 * limit + 64) {
                throw new CodecException("corrupt JPEG-LS data: unary code too long");
            }
        }
        if (high >= lim - (qbpp + 1)) {
            return in.bits(qbpp) + 1;
        }
        return k == 0 ? high : (high << k) + in.bits(k);
    }

    private static int unmap(int m) {
        return (m & 1) != 0 ? -((m + 1) >> 1) : m >> 1;
    }

    private int reconstruct(int px, int err) {
        int v = px + err * (2 * near + 1);
        if (v < -near) {
            v += range * (2 * near + 1);
        } else if (v > maxVal + near) {
            v -= range * (2 * near + 1);
        }
        return clampSample(v);
    }

    private int clampSample(int v) {
        return v < 0 ? 0 : v > maxVal ? maxVal : v;
    }

    private static int predict(int ra, int rb, int rc) {
        if (rc >= Math.max(ra, rb)) {
            return Math.min(ra, rb);
        }
        if (rc <= Math.min(ra, rb)) {
            return Math.max(ra, rb);
        }
        return ra + rb - rc;
    }

    private int quantize(int d) {
        if (d <= -t3) {
            return -4;
        }
        if (d <= -t2) {
            return -3;
        }
        if (d <= -t1) {
            return -2;
        }
        if (d < -near) {
            return -1;
        }
        if (d <= near) {
            return 0;
        }
        if (d < t1) {
            return 1;
        }
        if (d < t2) {
            return 2;
        }
        if (d < t3) {
            return 3;
        }
        return 4;
    }

    private static int clamp(int i, int j, int maxv) {
        return i > maxv || i < j ? j : i;
    }

    private static int ceilLog2(int v) {
        int b = 0;
        while ((1L << b) < v) {
            b++;
        }
        return b;
    }

    private int u16(int p) {
        if (p + 1 >= end) {
            throw new CodecException("JPEG-LS header is truncated");
        }
        return (data[p] & 0xFF) << 8 | (data[p + 1] & 0xFF);
    }

    /** JPEG-LS bit input: after an 0xFF byte the next byte carries 7 bits (T.87 A.1); 0xFF then >= 0x80 is a marker. */
    private final class Bits {
        private long acc;
        private int count;
        private boolean lastFf;
        private int padded;

        private void fill() {
            while (count <= 48) {
                int b;
                int n = 8;
                if (pos >= end) {
                    b = 0;
                    if (++padded > 64) {
                        throw new CodecException("JPEG-LS data ends before the image is complete");
                    }
                } else {
                    b = data[pos] & 0xFF;
                    if (lastFf && b >= 0x80) {
                        b = 0; // a marker: stop consuming
                        if (++padded > 64) {
                            throw new CodecException("JPEG-LS data ends before the image is complete");
                        }
                    } else {
                        if (lastFf) {
                            n = 7;
                        }
                        pos++;
                        lastFf = b == 0xFF;
                    }
                }
                acc |= (long) (b & ((1 << n) - 1)) << (64 - count - n);
                count += n;
            }
        }

        int bit() {
            return bits(1);
        }

        int bits(int n) {
            if (n == 0) {
                return 0;
            }
            if (count < n) {
                fill();
            }
            int v = (int) (acc >>> (64 - n));
            acc <<= n;
            count -= n;
            return v;
        }

        int markerPosition() {
            int p = pos;
            while (p + 1 < end && !((data[p] & 0xFF) == 0xFF && (data[p + 1] & 0xFF) >= 0x80)) {
                p++;
            }
            return p;
        }
    }
}
