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
        return encode(img.pixels(), img.size(), img.bits());
    }

    /** A ground-truth mask as an 8-bit PNG: 255 where the weight exceeds one half, else 0. */
    public static byte[] encodeMask(float[] weights, int size) {
        int[] px = new int[weights.length];
        for (int i = 0; i < px.length; i++) {
            px[i] = weights[i] > 0.5f ? 255 : 0;
        }
        return encode(px, size, 8);
    }

    private static byte[] encode(int[] pixels, int n, int bits) {
        BufferedImage bi = new BufferedImage(n, n,
                bits == 16 ? BufferedImage.TYPE_USHORT_GRAY : BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = bi.getRaster();
        raster.setPixels(0, 0, n, n, pixels);
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
