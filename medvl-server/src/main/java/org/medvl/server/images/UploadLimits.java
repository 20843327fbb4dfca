package org.medvl.server.images;

import org.medvl.image.ImageLimits;

/**
 * What one upload may be: its size in bytes, and its decoded pixel count (a small compressed file can declare a huge
 * image: a decompression bomb). Both are checked before anything of that size is allocated.
 *
 * @param maxBytes largest request body accepted
 * @param maxPixels largest width x height of the frame decoded
 * @param maxStored uploads kept at once; the least recently used is deleted beyond it
 */
public record UploadLimits(long maxBytes, long maxPixels, int maxStored) {
    /** 64 MiB, 50 megapixels (above a 7000 x 7000 mammogram), 256 uploads. */
    public static final UploadLimits DEFAULT = new UploadLimits(64L << 20, 50_000_000L, 256);

    public UploadLimits {
        if (maxBytes < 1 || maxPixels < 1 || maxStored < 1) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }

    /** The decoder's limits: the raster reader checks width x height x 4 samples, so that is the sample cap. */
    ImageLimits imageLimits() {
        return new ImageLimits(maxBytes, Math.min(Integer.MAX_VALUE - 16L, maxPixels * 4), 4096);
    }
}
