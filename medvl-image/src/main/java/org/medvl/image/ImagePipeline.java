package org.medvl.image;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one image pipeline shared by training, prediction and the server: decode, Modality LUT, VOI window or the
 * header's VOI LUT table (MONOCHROME1 inverted), channel conversion, resize keeping the aspect ratio with padding, normalisation, CHW floats. Immutable
 * and thread-safe; resampling weights are cached per (input, output) size.
 *
 * <p>Resizing is separable with a triangle (bilinear) filter widened by the scale factor when shrinking, the
 * antialiased bilinear of Pillow and torchvision ({@code antialias=True}), so downscaled CT does not alias.
 */
public final class ImagePipeline {
    private final PreprocessConfig config;
    private final Window fixedWindow;
    private final ConcurrentHashMap<Long, Resampler> resamplers = new ConcurrentHashMap<>();

    public ImagePipeline(PreprocessConfig config) {
        this.config = config;
        this.fixedWindow = config.window().equals("auto") ? null : Window.parse(config.window());
    }

    public PreprocessConfig config() {
        return config;
    }

    /** Reads frame 0 of a file and returns {@code channels x size x size} floats. */
    public float[] toTensor(Path file) {
        return toTensor(MedicalImages.read(file, 0));
    }

    /** The tensor of decoded frame 0. */
    public float[] toTensor(MedicalImage image) {
        return toTensor(image, 0);
    }

    /** The tensor of decoded frame {@code frame}: CHW, {@code channels * size * size} floats. */
    public float[] toTensor(MedicalImage image, int frame) {
        int w = image.width();
        int h = image.height();
        int c = config.channels();
        // grey sources are windowed and resized once, then written to every output channel
        int planes = image.samplesPerPixel() == 3 && c == 3 ? 3 : 1;
        float[] unit = unitPlanes(image, frame, fixedWindow, planes);
        int size = config.size();
        int nw = size;
        int nh = size;
        if (config.keepAspect()) {
            double s = Math.min((double) size / w, (double) size / h);
            nw = Math.max(1, Math.min(size, (int) Math.round(w * s)));
            nh = Math.max(1, Math.min(size, (int) Math.round(h * s)));
        }
        int ox = (size - nw) / 2;
        int oy = (size - nh) / 2;
        Resampler rx = resampler(w, nw);
        Resampler ry = resampler(h, nh);
        float[] tmp = new float[nw * h];
        float[] resized = new float[planes * nw * nh];
        for (int p = 0; p < planes; p++) {
            for (int y = 0; y < h; y++) { // horizontal pass
                rx.apply(unit, p * w * h + y * w, 1, tmp, y * nw, 1);
            }
            ry.applyRows(tmp, nw, resized, p * nw * nh); // vertical pass, row by row (sequential memory)
        }
        float[] out = new float[c * size * size];
        for (int ch = 0; ch < c; ch++) {
            float pad = (float) ((config.padValue() - config.meanOf(ch)) / config.stdOf(ch));
            float scale = (float) (1 / config.stdOf(ch));
            float shift = (float) (-config.meanOf(ch) / config.stdOf(ch));
            int planeOut = ch * size * size;
            int planeIn = (planes == 1 ? 0 : ch) * nw * nh;
            if (nw < size || nh < size) {
                java.util.Arrays.fill(out, planeOut, planeOut + size * size, pad);
            }
            for (int y = 0; y < nh; y++) {
                int o = planeOut + (oy + y) * size + ox;
                int in = planeIn + y * nw;
                for (int x = 0; x < nw; x++) {
                    out[o + x] = resized[in + x] * scale + shift;
                }
            }
        }
        return out;
    }

    /**
     * An 8-bit image for display at the image's own size: the given window (null: the pipeline's window, else the
     * header's, else the full range), MONOCHROME1 inverted, grey or RGB.
     */
    public BufferedImage toDisplay(MedicalImage image, int frame, Window window) {
        Window win = window != null ? window : fixedWindow;
        int w = image.width();
        int h = image.height();
        int c = image.samplesPerPixel() == 3 ? 3 : 1;
        float[] unit = unitPlanes(image, frame, win, c);
        BufferedImage img = new BufferedImage(w, h, c == 3 ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        int n = w * h;
        for (int i = 0; i < n; i++) {
            if (c == 1) {
                px[i] = (byte) Math.round(unit[i] * 255f);
            } else {
                px[i * 3] = (byte) Math.round(unit[2 * n + i] * 255f); // BGR order
                px[i * 3 + 1] = (byte) Math.round(unit[n + i] * 255f);
                px[i * 3 + 2] = (byte) Math.round(unit[i] * 255f);
            }
        }
        return img;
    }

    /** The window {@link #toDisplay} and {@link #toTensor} use for a grey frame when none is fixed. */
    public Window windowFor(MedicalImage image, int frame) {
        return fixedWindow != null ? fixedWindow : image.defaultWindow(frame);
    }

    /** Planar values in [0, 1]: windowed grey (inverted for MONOCHROME1) or RGB / max, converted to {@code c} channels. */
    private float[] unitPlanes(MedicalImage image, int frame, Window win, int c) {
        int n = image.width() * image.height();
        int[] s = image.storedValues(frame);
        float[] out = new float[c * n];
        if (image.samplesPerPixel() == 1) {
            VoiLut lut = image.header().voiLut();
            Window.Mapper m = win != null ? win.mapper()
                    : image.header().windows().isEmpty() && lut != null ? lut.mapper()
                    : image.defaultWindow(frame).mapper();
            boolean invert = image.isMonochrome1();
            boolean u32 = !image.signed() && image.bitsStored() == 32;
            float slope = (float) image.rescaleSlope();
            float icpt = (float) image.rescaleIntercept();
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            for (int v : s) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            long range = (long) hi - lo + 1;
            if (!u32 && range <= Math.max(4096, n / 2)) {
                // a table over the stored values present: one window evaluation per distinct value
                float[] table = new float[(int) range];
                for (int k = 0; k < table.length; k++) {
                    float y = m.map((lo + k) * slope + icpt);
                    table[k] = invert ? 1 - y : y;
                }
                for (int i = 0; i < n; i++) {
                    out[i] = table[s[i] - lo];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    float v = (u32 ? (float) Integer.toUnsignedLong(s[i]) : s[i]) * slope + icpt;
                    float y = m.map(v);
                    out[i] = invert ? 1 - y : y;
                }
            }
            for (int ch = 1; ch < c; ch++) {
                System.arraycopy(out, 0, out, ch * n, n);
            }
            return out;
        }
        // RGB: scale by the stored range, or apply an explicit window per channel
        float max = (float) ((1L << Math.min(image.bitsStored(), 31)) - 1);
        Window.Mapper m = win != null ? win.mapper() : null;
        for (int i = 0; i < n; i++) {
            float r = m != null ? m.map(s[i * 3]) : s[i * 3] / max;
            float g = m != null ? m.map(s[i * 3 + 1]) : s[i * 3 + 1] / max;
            float b = m != null ? m.map(s[i * 3 + 2]) : s[i * 3 + 2] / max;
            if (c == 3) {
                out[i] = r;
                out[n + i] = g;
                out[2 * n + i] = b;
            } else {
                out[i] = 0.299f * r + 0.587f * g + 0.114f * b; // ITU-R BT.601 luma
            }
        }
        return out;
    }

    private Resampler resampler(int in, int out) {
        long key = (long) in << 32 | out;
        Resampler r = resamplers.get(key);
        if (r == null) {
            if (resamplers.size() > 256) {
                resamplers.clear(); // many distinct sizes: keep memory bounded
            }
            r = resamplers.computeIfAbsent(key, k -> new Resampler(in, out));
        }
        return r;
    }

    /** Precomputed 1-D triangle-filter weights from {@code in} to {@code out} samples (pixel centres aligned). */
    static final class Resampler {
        final int[] start;
        final int[] count;
        final float[] weights;
        final int maxTaps;

        Resampler(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(1.0, scale);
            maxTaps = (int) Math.ceil(support) * 2 + 2;
            start = new int[out];
            count = new int[out];
            weights = new float[out * maxTaps];
            for (int o = 0; o < out; o++) {
                double center = (o + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(center - support));
                int hi = Math.min(in, (int) Math.ceil(center + support));
                double sum = 0;
                int k = 0;
                double[] tmp = new double[hi - lo];
                for (int i = lo; i < hi; i++) {
                    double x = Math.abs((i + 0.5 - center) / support);
                    double wgt = x < 1 ? 1 - x : 0;
                    tmp[i - lo] = wgt;
                    sum += wgt;
                }
                int first = -1;
                for (int i = 0; i < tmp.length; i++) {
                    if (tmp[i] > 0) {
                        if (first < 0) {
                            first = i;
                        }
                        k = i - first + 1;
                    }
                }
                if (first < 0) { // cannot happen for in >= 1, but stay safe: nearest sample
                    first = Math.min(in - 1, (int) center) - lo;
                    tmp[first] = 1;
                    sum = 1;
                    k = 1;
                }
                start[o] = lo + first;
                count[o] = Math.min(k, maxTaps);
                for (int t = 0; t < count[o]; t++) {
                    weights[o * maxTaps + t] = (float) (tmp[first + t] / sum);
                }
            }
        }

        /** Vertical pass: output row o is the weighted sum of whole input rows of {@code width} floats. */
        void applyRows(float[] src, int width, float[] dst, int dstOff) {
            for (int o = 0; o < start.length; o++) {
                int base = o * maxTaps;
                int d = dstOff + o * width;
                for (int t = 0; t < count[o]; t++) {
                    float wt = weights[base + t];
                    int srow = (start[o] + t) * width;
                    for (int x = 0; x < width; x++) {
                        dst[d + x] += wt * src[srow + x];
                    }
                }
            }
        }

        void apply(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride) {
            for (int o = 0; o < start.length; o++) {
                float acc = 0;
                int base = o * maxTaps;
                int s = srcOff + start[o] * srcStride;
                for (int t = 0; t < count[o]; t++, s += srcStride) {
                    acc += weights[base + t] * src[s];
                }
                dst[dstOff + o * dstStride] = acc;
            }
        }
    }
}
