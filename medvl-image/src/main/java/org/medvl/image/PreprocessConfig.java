package org.medvl.image;

import java.util.Arrays;
import org.medvl.core.MedvlException;

/**
 * How {@link ImagePipeline} turns an image into a model input. A plain record so that it serialises to JSON with
 * Jackson and travels inside checkpoints: the same settings at training, prediction and serving time.
 *
 * @param size output side in pixels (the tensor is {@code channels x size x size})
 * @param channels 1 (grey) or 3 (RGB; grey images are repeated)
 * @param mean per-channel mean subtracted after scaling to [0, 1] (1 value or {@code channels} values)
 * @param std per-channel standard deviation divided by (1 value or {@code channels} values)
 * @param window {@code auto} (the header's VOI window, else the frame's full range; 8-bit RGB is taken as is), a
 *     preset name ({@code lung}, {@code mediastinum}, {@code bone}, {@code brain}, ...), or {@code C,W}
 * @param keepAspect resize keeping the aspect ratio and pad to a square (true), or stretch (false)
 * @param padValue value in [0, 1] (before normalisation) of the padding
 */
public record PreprocessConfig(int size, int channels, double[] mean, double[] std, String window, boolean keepAspect,
        double padValue) {

    public PreprocessConfig {
        if (size < 1 || size > 8192) {
            throw new MedvlException("preprocess size must be 1..8192, got " + size);
        }
        if (channels != 1 && channels != 3) {
            throw new MedvlException("preprocess channels must be 1 or 3, got " + channels);
        }
        mean = mean == null || mean.length == 0 ? new double[] {0} : mean.clone();
        std = std == null || std.length == 0 ? new double[] {1} : std.clone();
        if (mean.length != 1 && mean.length != channels || std.length != 1 && std.length != channels) {
            throw new MedvlException("preprocess mean/std need 1 or " + channels + " values");
        }
        for (double s : std) {
            if (!(s > 0)) {
                throw new MedvlException("preprocess std values must be > 0");
            }
        }
        window = window == null || window.isBlank() ? "auto" : window.trim();
        if (!window.equals("auto")) {
            Window.parse(window); // fail at construction, not at the first image
        }
    }

    /** ImageNet statistics at 224 pixels, RGB: what ImageNet-pretrained encoders expect. */
    public static PreprocessConfig imagenet(int size) {
        return new PreprocessConfig(size, 3, new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225},
                "auto", true, 0);
    }

    /** Grey, scaled to [0, 1] with no normalisation. */
    public static PreprocessConfig grey(int size) {
        return new PreprocessConfig(size, 1, new double[] {0}, new double[] {1}, "auto", true, 0);
    }

    public PreprocessConfig withWindow(String w) {
        return new PreprocessConfig(size, channels, mean, std, w, keepAspect, padValue);
    }

    double meanOf(int c) {
        return mean[mean.length == 1 ? 0 : c];
    }

    double stdOf(int c) {
        return std[std.length == 1 ? 0 : c];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreprocessConfig p && p.size == size && p.channels == channels
                && Arrays.equals(p.mean, mean) && Arrays.equals(p.std, std) && p.window.equals(window)
                && p.keepAspect == keepAspect && Double.compare(p.padValue, padValue) == 0;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(size, channels, Arrays.hashCode(mean), Arrays.hashCode(std), window, keepAspect,
                padValue);
    }

    @Override
    public String toString() {
        return "PreprocessConfig[size=" + size + ", channels=" + channels + ", mean=" + Arrays.toString(mean)
                + ", std=" + Arrays.toString(std) + ", window=" + window + ", keepAspect=" + keepAspect + ", padValue="
                + padValue + "]";
    }
}
