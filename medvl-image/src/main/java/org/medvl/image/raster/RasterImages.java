package org.medvl.image.raster;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferUShort;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.medvl.core.MedvlException;
import org.medvl.image.ImageHeader;
import org.medvl.image.ImageLimits;
import org.medvl.image.MedicalImage;

/**
 * PNG, JPEG, BMP, TIFF and GIF through ImageIO, keeping 16-bit greyscale as 16-bit (ImageIO's {@code read} would keep
 * it too, but converting to an RGB BufferedImage, as many loaders do, loses it). Dimensions are checked before
 * decoding.
 */
public final class RasterImages {
    private RasterImages() {
    }

    /** The format by magic bytes, or null when not a raster format medvl reads. */
    public static String formatOf(byte[] h) {
        if (h.length >= 8 && (h[0] & 0xFF) == 0x89 && h[1] == 'P' && h[2] == 'N' && h[3] == 'G') {
            return "PNG";
        }
        if (h.length >= 3 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xD8 && (h[2] & 0xFF) == 0xFF) {
            return "JPEG";
        }
        if (h.length >= 2 && h[0] == 'B' && h[1] == 'M') {
            return "BMP";
        }
        if (h.length >= 4 && (h[0] == 'I' && h[1] == 'I' && h[2] == 42 && h[3] == 0
                || h[0] == 'M' && h[1] == 'M' && h[2] == 0 && h[3] == 42)) {
            return "TIFF";
        }
        if (h.length >= 4 && h[0] == 'G' && h[1] == 'I' && h[2] == 'F' && h[3] == '8') {
            return "GIF";
        }
        return null;
    }

    public static MedicalImage read(byte[] bytes, String format, String source, ImageLimits limits) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format.toLowerCase(Locale.ROOT));
        if (!it.hasNext()) {
            throw new MedvlException(source + ": no " + format + " reader available");
        }
        ImageReader reader = it.next();
        // An in-memory stream: ImageIO.createImageInputStream would cache the bytes in a temporary file (its default
        // useCache), a file create + write + delete per image that dominated decoding time on a busy disk.
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            long w = reader.getWidth(0);
            long h = reader.getHeight(0);
            if (w <= 0 || h <= 0 || w * h * 4 > limits.maxSamples()) {
                throw new MedvlException(source + ": " + format + " declares " + w + "x" + h
                        + " pixels, beyond the limit of " + limits.maxSamples() + " samples");
            }
            BufferedImage img = reader.read(0);
            return toMedicalImage(img, format);
        } catch (IOException | RuntimeException e) {
            if (e instanceof MedvlException) {
                throw (MedvlException) e;
            }
            throw new MedvlException(source + ": cannot decode " + format + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new MedvlException(source + ": " + format + " is too large to decode in memory");
        } finally {
            reader.dispose();
        }
    }

    /**
     * The samples of a one-band raster, read straight from a byte or ushort buffer when the layout is the plain one
     * ImageIO produces (4x faster than {@code Raster.getSamples}, which goes through the sample model per pixel);
     * identical values either way.
     */
    static int[] greySamples(Raster r, int w, int h) {
        if (r.getNumBands() == 1 && r.getSampleModel() instanceof ComponentSampleModel sm
                && r.getDataBuffer().getNumBanks() == 1) {
            int pixelStride = sm.getPixelStride();
            int scanline = sm.getScanlineStride();
            int base = r.getDataBuffer().getOffset() + sm.getBandOffsets()[0]
                    + (r.getMinY() - r.getSampleModelTranslateY()) * scanline
                    + (r.getMinX() - r.getSampleModelTranslateX()) * pixelStride;
            int[] out = new int[w * h];
            if (r.getDataBuffer() instanceof DataBufferByte db) {
                byte[] data = db.getData();
                for (int y = 0; y < h; y++) {
                    int in = base + y * scanline;
                    int o = y * w;
                    for (int x = 0; x < w; x++, in += pixelStride) {
                        out[o + x] = data[in] & 0xFF;
                    }
                }
                return out;
            }
            if (r.getDataBuffer() instanceof DataBufferUShort db) {
                short[] data = db.getData();
                for (int y = 0; y < h; y++) {
                    int in = base + y * scanline;
                    int o = y * w;
                    for (int x = 0; x < w; x++, in += pixelStride) {
                        out[o + x] = data[in] & 0xFFFF;
                    }
                }
                return out;
            }
        }
        return r.getSamples(r.getMinX(), r.getMinY(), w, h, 0, (int[]) null);
    }

    /** Grey images stay grey at their bit depth; colour (and palette) images become 8-bit RGB; alpha is dropped. */
    public static MedicalImage toMedicalImage(BufferedImage img, String format) {
        int w = img.getWidth();
        int h = img.getHeight();
        ColorModel cm = img.getColorModel();
        Raster r = img.getRaster();
        boolean grey = cm.getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY
                && !(cm instanceof IndexColorModel);
        if (grey) {
            int bits = r.getSampleModel().getSampleSize(0);
            int[] s = greySamples(r, w, h);
            return new MedicalImage(ImageHeader.plain(format, "MONOCHROME2"), w, h, 1, "MONOCHROME2", bits, false, 1, 0,
                    0, List.of(s));
        }
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        int[] s = new int[w * h * 3];
        for (int i = 0; i < argb.length; i++) {
            s[i * 3] = argb[i] >> 16 & 0xFF;
            s[i * 3 + 1] = argb[i] >> 8 & 0xFF;
            s[i * 3 + 2] = argb[i] & 0xFF;
        }
        return new MedicalImage(ImageHeader.plain(format, "RGB"), w, h, 3, "RGB", 8, false, 1, 0, 0, List.of(s));
    }
}
