package org.medvl.image.codec;

/**
 * Samples a codec produced for one frame, pixel-interleaved and unsigned as the codec stored them (no sign
 * extension, no colour conversion).
 *
 * @param width columns
 * @param height rows
 * @param components samples per pixel
 * @param precision bits per sample in the codestream
 * @param samples {@code width * height * components} values
 * @param colorSpace what the codec knows of the colour encoding: {@link #RAW} (as stored), {@link #YCBCR} (a JPEG
 *     stream libjpeg would treat as YCbCr) or {@link #RGB} (already converted, e.g. JPEG 2000 with a component
 *     transform)
 */
public record DecodedFrame(int width, int height, int components, int precision, int[] samples, int colorSpace) {
    public static final int RAW = 0;
    public static final int YCBCR = 1;
    public static final int RGB = 2;
}
