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
     * The cardiothoracic ratio measured on the masks the way a radiologist measures it: the widest heart row over
     * the widest extent of the lung fields, in pixels (rows where a mask weight exceeds one half).
     */
    public double measuredCtr() {
        int heartWidth = 0;
        int thorax = 0;
        for (int y = 0; y < size; y++) {
            heartWidth = Math.max(heartWidth, span(heart, y));
            thorax = Math.max(thorax, span(lungField, y));
        }
        return thorax == 0 ? Double.NaN : (double) heartWidth / thorax;
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
