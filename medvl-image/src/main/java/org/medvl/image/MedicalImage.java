package org.medvl.image;

import java.util.List;

/**
 * Decoded pixels of one image (one or more frames) with the header fields tasks need.
 *
 * <p>Samples are stored pixel-interleaved ({@code (y * width + x) * samplesPerPixel + s}) as the stored values of
 * the file, sign-extended when signed. Colour images are always RGB: YBR encodings are converted on decoding, and
 * {@link #photometric()} says so. MONOCHROME1 is not inverted here (the stored values stay as stored);
 * {@link ImagePipeline} inverts it when mapping to display. {@link #modalityValues(int)} applies the Modality LUT
 * (rescale slope and intercept). Instances are immutable and safe to share between threads.
 */
public final class MedicalImage {
    private final ImageHeader header;
    private final int width;
    private final int height;
    private final int samplesPerPixel;
    private final String photometric;
    private final int bitsStored;
    private final boolean signed;
    private final double rescaleSlope;
    private final double rescaleIntercept;
    private final int firstFrame;
    private final List<int[]> frames;

    /**
     * @param header header fields
     * @param width columns
     * @param height rows
     * @param samplesPerPixel 1 (grey) or 3 (RGB)
     * @param photometric MONOCHROME1, MONOCHROME2 or RGB (YBR and PALETTE COLOR are converted to RGB on decoding)
     * @param bitsStored bits per stored sample
     * @param signed whether stored values are two's complement
     * @param rescaleSlope modality LUT slope (1 when absent)
     * @param rescaleIntercept modality LUT intercept (0 when absent)
     * @param firstFrame index in the file of the first decoded frame
     * @param frames decoded frames, each {@code width * height * samplesPerPixel} values
     */
    public MedicalImage(ImageHeader header, int width, int height, int samplesPerPixel, String photometric,
            int bitsStored, boolean signed, double rescaleSlope, double rescaleIntercept, int firstFrame,
            List<int[]> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an image needs at least one frame");
        }
        int n = width * height * samplesPerPixel;
        for (int[] f : frames) {
            if (f.length != n) {
                throw new IllegalArgumentException("frame has " + f.length + " samples, expected " + n);
            }
        }
        this.header = header;
        this.width = width;
        this.height = height;
        this.samplesPerPixel = samplesPerPixel;
        this.photometric = photometric;
        this.bitsStored = bitsStored;
        this.signed = signed;
        this.rescaleSlope = rescaleSlope;
        this.rescaleIntercept = rescaleIntercept;
        this.firstFrame = firstFrame;
        this.frames = List.copyOf(frames);
    }

    public ImageHeader header() {
        return header;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int samplesPerPixel() {
        return samplesPerPixel;
    }

    /** Photometric interpretation of the decoded samples (YBR is converted to RGB). */
    public String photometric() {
        return photometric;
    }

    public boolean isMonochrome1() {
        return photometric.equals("MONOCHROME1");
    }

    public int bitsStored() {
        return bitsStored;
    }

    public boolean signed() {
        return signed;
    }

    public double rescaleSlope() {
        return rescaleSlope;
    }

    public double rescaleIntercept() {
        return rescaleIntercept;
    }

    /** Number of decoded frames held (1 when a single frame was asked for). */
    public int frameCount() {
        return frames.size();
    }

    /** Index in the file of decoded frame 0 (the frame asked for with {@link MedicalImages#read(java.nio.file.Path, int)}). */
    public int firstFrame() {
        return firstFrame;
    }

    /**
     * Stored values of decoded frame {@code i} (0-based among the decoded frames). The array is shared: do not
     * modify it. For 32-bit unsigned data values of 2^31 and more read as negative ints;
     * {@link #modalityValues(int)} treats them as unsigned.
     */
    public int[] storedValues(int i) {
        return frames.get(i);
    }

    /** Values after the Modality LUT: {@code slope * stored + intercept} (e.g. Hounsfield units for CT). */
    public float[] modalityValues(int i) {
        int[] s = frames.get(i);
        float[] out = new float[s.length];
        boolean unsigned32 = !signed && bitsStored == 32;
        double m = rescaleSlope;
        double b = rescaleIntercept;
        for (int k = 0; k < s.length; k++) {
            double v = unsigned32 ? Integer.toUnsignedLong(s[k]) : s[k];
            out[k] = (float) (v * m + b);
        }
        return out;
    }

    /** Smallest and largest modality value of decoded frame {@code i}. */
    public float[] modalityRange(int i) {
        int[] s = frames.get(i);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        boolean unsigned32 = !signed && bitsStored == 32;
        for (int v : s) {
            long x = unsigned32 ? Integer.toUnsignedLong(v) : v;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double a = lo * rescaleSlope + rescaleIntercept;
        double b = hi * rescaleSlope + rescaleIntercept;
        return new float[] {(float) Math.min(a, b), (float) Math.max(a, b)};
    }

    /**
     * The window to display decoded frame {@code i} with when none is chosen: the header's first VOI window, else
     * the frame's full modality range.
     */
    public Window defaultWindow(int i) {
        if (!header.windows().isEmpty()) {
            return header.windows().get(0);
        }
        float[] r = modalityRange(i);
        // LINEAR_EXACT maps [min, max] onto [0, 1] exactly, also for fractional ranges (dose in Gy, SUV)
        double w = r[1] > r[0] ? (double) r[1] - r[0] : 1;
        return new Window(((double) r[0] + r[1]) / 2, w, "LINEAR_EXACT");
    }

    @Override
    public String toString() {
        return "MedicalImage[" + width + "x" + height + "x" + samplesPerPixel + ", " + photometric + ", "
                + bitsStored + " bits" + (signed ? " signed" : "") + ", frames=" + frames.size() + ", " + header + "]";
    }
}
