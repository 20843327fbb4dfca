package org.medvl.image.raster;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct buffer read of grey rasters gives exactly what Raster.getSamples gives. */
class GreySamplesTest {
    @Test
    void byteAndUshortRastersMatchGetSamples() {
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY}) {
            BufferedImage img = new BufferedImage(37, 23, type);
            WritableRaster r = img.getRaster();
            SplittableRandom rng = new SplittableRandom(type);
            int max = type == BufferedImage.TYPE_BYTE_GRAY ? 256 : 65536;
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    r.setSample(x, y, 0, rng.nextInt(max));
                }
            }
            assertArrayEquals(r.getSamples(0, 0, 37, 23, 0, (int[]) null), RasterImages.greySamples(r, 37, 23));
            // a child raster: offsets into the parent's buffer and a translated origin
            Raster child = r.createChild(5, 3, 20, 11, 100, 200, null);
            assertArrayEquals(child.getSamples(100, 200, 20, 11, 0, (int[]) null),
                    RasterImages.greySamples(child, 20, 11));
        }
    }
}
