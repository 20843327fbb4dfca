package org.medvl.eval.trust;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;

/**
 * Corrupted copies of images for robustness tests: additive Gaussian noise with standard deviation {@code sigma} as a
 * fraction of the 8-bit range (CARES and ImageNet-C style). The noise is seeded by the image path and sigma, so reruns
 * produce the same files, and each copy is written once into the work directory.
 */
public final class Corruptions {
    private final Path dir;

    public Corruptions(Path workDir) {
        this.dir = workDir.resolve("corrupted");
    }

    /** The noisy copy of {@code image} at {@code sigma}, created on first use. */
    public Path gaussian(Path image, double sigma) {
        String tag = String.format(java.util.Locale.ROOT, "gaussian-%.3f", sigma);
        Path out = dir.resolve(tag).resolve(Integer.toHexString(image.toAbsolutePath().toString().hashCode())
                + "-" + image.getFileName().toString().replaceAll("\\.[^.]*$", "") + ".png");
        if (Files.exists(out)) {
            return out;
        }
        BufferedImage src;
        try {
            src = ImageIO.read(image.toFile());
        } catch (IOException e) {
            throw new MedvlException("cannot read " + image + ": " + e.getMessage());
        }
        if (src == null) {
            throw new MedvlException("cannot corrupt " + image + ": not a PNG/JPEG/BMP/TIFF image");
        }
        BufferedImage noisy = addNoise(src, sigma, seed(image, sigma));
        AtomicFiles.write(out, os -> ImageIO.write(noisy, "png", os));
        return out;
    }

    static long seed(Path image, double sigma) {
        long h = 1125899906842597L;
        for (byte b : (image.toAbsolutePath() + "|" + sigma).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return h;
    }

    static BufferedImage addNoise(BufferedImage src, double sigma, long seed) {
        boolean grey = src.getColorModel().getNumColorComponents() == 1;
        BufferedImage out = new BufferedImage(src.getWidth(), src.getHeight(),
                grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(src, 0, 0, null);
        WritableRaster r = out.getRaster();
        Random rnd = new Random(seed);
        int bands = r.getNumBands();
        int[] px = new int[bands];
        for (int y = 0; y < r.getHeight(); y++) {
            for (int x = 0; x < r.getWidth(); x++) {
                r.getPixel(x, y, px);
                for (int b = 0; b < bands; b++) {
                    int v = (int) Math.round(px[b] + rnd.nextGaussian() * sigma * 255.0);
                    px[b] = Math.max(0, Math.min(255, v));
                }
                r.setPixel(x, y, px);
            }
        }
        return out;
    }
}
