package org.medvl.synth;

/**
 * One rendered synthetic radiograph with its segmentation ground truth.
 *
 * @param size      width and height in pixels
 * @param bits      8 or 16: the range of {@link #pixels()}
 * @param pixels    grey values row by row, 0 .. 2^bits - 1, with the burned-in "SYNTHETIC" marker
 * @param lungField per-pixel lung-field weight (0..1): both hemithoraces above the diaphragm, heart included
 * @param heart     per-pixel heart weight (0..1)
 */
public record SynthImage(int size, int bits, int[] pixels, float[] lungField, float[] heart) {
    /** The grey value at (x, y). */
    public int at(int x, int y) {
        return pixels[y * size + x];
    }

    /** Largest grey value, 255 or 65535. */
    public int maxValue() {
        return (1 << bits) - 1;
    }

    /**
     * The cardiothoracic ratio measured on the masks the way a radiologist measures it: the heart's greatest
     * transverse extent (rightmost to leftmost heart border, which lie on different rows) over the widest row of the
     * lung fields (internal rib margins); mask weights above one half count.
     */
    public double measuredCtr() {
        int left = size, right = -1;
        int thorax = 0;
        for (int y = 0; y < size; y++) {
            thorax = Math.max(thorax, span(lungField, y));
            for (int x = 0; x < size; x++) {
                if (heart[y * size + x] > 0.5f) {
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        return thorax == 0 || right < 0 ? Double.NaN : (double) (right - left + 1) / thorax;
    }

    private int span(float[] mask, int y) {
        int first = -1, last = -1;
        for (int x = 0; x < size; x++) {
            if (mask[y * size + x] > 0.5f) {
                if (first < 0) {
                    first = x;
                }
                last = x;
            }
        }
        return first < 0 ? 0 : last - first + 1;
    }
}
