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
 * @param colorSpace {@link #RAW} (components as stored: the DICOM Photometric Interpretation says what they are) or
 *     {@link #RGB} (the codec already converted, e.g. JPEG 2000 undoing its component transform)
 */
public record DecodedFrame(int width, int height, int components, int precision, int[] samples, int colorSpace) {
    public static final int RAW = 0;
    public static final int RGB = 2;
}
