package org.medvl.models.train;

/**
 * Augmentation for medical images, applied to the preprocessed tensor: a random scaled crop, a small rotation,
 * brightness and contrast jitter, and — only when asked — horizontal flips. Flips are off by default because many
 * radiology images carry laterality (left/right findings, situs), which a flip would silently falsify.
 *
 * @param minScale       smallest crop side as a fraction of the image (1 = no crop)
 * @param maxRotationDeg rotation drawn from [-max, max] degrees
 * @param brightness     additive shift drawn from [-b, b] (in normalised units)
 * @param contrast       multiplicative factor drawn from [1-c, 1+c]
 * @param horizontalFlip flip left-right with probability 0.5
 */
public record AugmentConfig(float minScale, float maxRotationDeg, float brightness, float contrast,
                            boolean horizontalFlip) {
    public AugmentConfig {
        if (!(minScale > 0 && minScale <= 1) || maxRotationDeg < 0 || brightness < 0 || contrast < 0 || contrast >= 1) {
            throw new IllegalArgumentException("augmentation: need 0 < min scale <= 1, rotation >= 0, "
                    + "brightness >= 0 and 0 <= contrast < 1");
        }
    }

    /** Mild defaults for radiology: crops down to 80 %, +-10 degrees, small intensity jitter, no flips. */
    public static AugmentConfig medicalDefault() {
        return new AugmentConfig(0.8f, 10f, 0.1f, 0.1f, false);
    }

    public static AugmentConfig none() {
        return new AugmentConfig(1f, 0f, 0f, 0f, false);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isIdentity() {
        return minScale == 1f && maxRotationDeg == 0f && brightness == 0f && contrast == 0f && !horizontalFlip;
    }
}
