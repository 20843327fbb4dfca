package org.medvl.synth;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Greyscale PNG encoding (8 or 16 bit) of a {@link SynthImage}; ImageIO writes no timestamps, so bytes are stable. */
public final class Png {
    private Png() {
    }

    public static byte[] encode(SynthImage img) {
        int n = img.size();
        BufferedImage bi = new BufferedImage(n, n,
                img.bits() == 16 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = bi.getRaster();
        raster.setPixels(0, 0, n, n, img.pixels());
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * n);
        try {
            if (!ImageIO.write(bi, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JVM");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
