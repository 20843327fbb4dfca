package org.medvl.image;

/**
 * Caps that keep hostile or corrupt files (decompression bombs, absurd declared sizes) from exhausting memory: every
 * declared length and dimension is checked against them before anything is allocated.
 *
 * @param maxFileBytes largest file read into memory
 * @param maxSamples largest number of decoded samples (width x height x samples x frames) held at once
 * @param maxCompressionRatio largest decoded/encoded size ratio believed for compressed pixel data and deflate
 */
public record ImageLimits(long maxFileBytes, long maxSamples, int maxCompressionRatio) {
    /** Defaults: 1 GiB files, 256 Mi samples (1 GiB of ints), 4096:1 compression; overridable by system properties. */
    public static final ImageLimits DEFAULT = new ImageLimits(
            Long.getLong("medvl.image.maxFileBytes", 1L << 30),
            Long.getLong("medvl.image.maxSamples", 1L << 28),
            Integer.getInteger("medvl.image.maxCompressionRatio", 4096));

    public ImageLimits {
        if (maxFileBytes <= 0 || maxSamples <= 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("image limits must be positive");
        }
        maxFileBytes = Math.min(maxFileBytes, Integer.MAX_VALUE - 16);
        maxSamples = Math.min(maxSamples, Integer.MAX_VALUE - 16);
    }
}
