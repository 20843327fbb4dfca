package org.medvl.image.dicom;

import org.medvl.core.MedvlException;

/**
 * The Image Pixel module attributes (PS3.3 C.7.6.3) that say how to read the pixel data, validated.
 *
 * @param rows Rows
 * @param cols Columns
 * @param samplesPerPixel Samples per Pixel (1 or 3)
 * @param bitsAllocated Bits Allocated (1, 8, 16 or 32)
 * @param bitsStored Bits Stored
 * @param highBit High Bit
 * @param signed Pixel Representation is 1
 * @param planar Planar Configuration is 1 (colour-by-plane)
 * @param photometric Photometric Interpretation
 * @param frames Number of Frames (1 when absent)
 */
public record PixelFormat(int rows, int cols, int samplesPerPixel, int bitsAllocated, int bitsStored, int highBit,
        boolean signed, boolean planar, String photometric, int frames) {

    /** Reads and checks the module; errors name the file and attribute. */
    public static PixelFormat of(DicomDataset ds, String source) {
        int rows = ds.integer(Tags.ROWS, -1);
        int cols = ds.integer(Tags.COLUMNS, -1);
        int spp = ds.integer(Tags.SAMPLES_PER_PIXEL, 1);
        int alloc = ds.integer(Tags.BITS_ALLOCATED, -1);
        int stored = ds.integer(Tags.BITS_STORED, alloc);
        int high = ds.integer(Tags.HIGH_BIT, stored - 1);
        int rep = ds.integer(Tags.PIXEL_REPRESENTATION, 0);
        int planar = ds.integer(Tags.PLANAR_CONFIGURATION, 0);
        String photometric = ds.string(Tags.PHOTOMETRIC_INTERPRETATION).toUpperCase(java.util.Locale.ROOT);
        String nf = ds.string(Tags.NUMBER_OF_FRAMES);
        int frames;
        try {
            frames = nf.isEmpty() ? 1 : Integer.parseInt(nf.trim());
        } catch (NumberFormatException e) {
            // malformed IS value (seen in the wild, e.g. "1A"): take its leading digits, as lenient readers do
            String digits = nf.trim().replaceFirst("^(\\d+).*$", "$1");
            if (digits.isEmpty() || !Character.isDigit(digits.charAt(0)) || digits.length() > 9) {
                throw bad(source, "Number of Frames (0028,0008) is not a number");
            }
            frames = Integer.parseInt(digits);
        }
        if (rows <= 0 || cols <= 0) {
            throw bad(source, "Rows/Columns (0028,0010/0011) missing or zero");
        }
        if (spp != 1 && spp != 3) {
            throw bad(source, "Samples per Pixel (0028,0002) is " + spp + "; 1 or 3 expected");
        }
        if (alloc != 1 && alloc != 8 && alloc != 16 && alloc != 32) {
            throw bad(source, "Bits Allocated (0028,0100) is " + alloc + "; 1, 8, 16 or 32 expected");
        }
        if (stored < 1 || stored > alloc || high < stored - 1 || high >= alloc) {
            throw bad(source, "Bits Stored/High Bit (" + stored + "/" + high + ") do not fit Bits Allocated " + alloc);
        }
        if (frames < 1) {
            throw bad(source, "Number of Frames (0028,0008) is " + frames);
        }
        if (photometric.isEmpty()) {
            photometric = spp == 3 ? "RGB" : "MONOCHROME2";
        }
        return new PixelFormat(rows, cols, spp, alloc, stored, high, rep == 1, planar == 1, photometric, frames);
    }

    /** Samples in one frame. */
    public long samplesPerFrame() {
        return (long) rows * cols * samplesPerPixel;
    }

    /** Bytes of one native (uncompressed) frame; YBR_FULL_422 stores two samples a pixel. */
    public long nativeFrameBits() {
        long samples = photometric.equals("YBR_FULL_422") ? (long) rows * cols * 2 : samplesPerFrame();
        return samples * bitsAllocated;
    }

    private static MedvlException bad(String source, String what) {
        return new MedvlException(source + ": bad image header: " + what);
    }
}
