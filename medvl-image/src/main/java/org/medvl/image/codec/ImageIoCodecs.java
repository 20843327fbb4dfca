package org.medvl.image.codec;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Codecs taken from ImageIO: the JDK's JPEG reader (libjpeg-based) for 8-bit DCT JPEG, and jai-imageio-jpeg2000 for
 * JPEG 2000. Each call makes its own reader, so calls are thread-safe; streams are in memory (ImageIO's default would
 * cache each one in a temporary file). Raw rasters are read (no colour conversion by
 * ImageIO) so that DICOM's Photometric Interpretation decides the colour handling, as dcmtk does by default.
 */
public final class ImageIoCodecs {
    private ImageIoCodecs() {
    }

    /** Decodes an 8-bit baseline/extended DCT JPEG stream to raw component samples. */
    public static DecodedFrame jpeg(byte[] stream, long maxSamples) {
        ImageReader reader = reader("jpeg", "JPEG");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(in, true, true);
            checkSize(reader, maxSamples);
            Raster r = reader.readRaster(0, null);
            return toFrame(r, 8, DecodedFrame.RAW);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CodecException) {
                throw (CodecException) e;
            }
            throw new CodecException("JPEG decoding failed: " + e.getMessage());
        } finally {
            reader.dispose();
        }
    }

    /** Decodes a JPEG 2000 codestream (or JP2 file) to samples; component transforms are undone by the codec. */
    public static DecodedFrame jpeg2000(byte[] stream, long maxSamples) {
        ImageReader reader = reader("jpeg2000", "JPEG 2000");
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(in, true, true);
            checkSize(reader, maxSamples);
            ImageReadParam param = reader.getDefaultReadParam();
            Raster r = reader.read(0, param).getRaster();
            int bits = r.getSampleModel().getSampleSize(0);
            return toFrame(r, bits, r.getNumBands() == 3 ? DecodedFrame.RGB : DecodedFrame.RAW);
        } catch (IOException | RuntimeException e) {
            if (e instanceof CodecException) {
                throw (CodecException) e;
            }
            throw new CodecException("JPEG 2000 decoding failed: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new CodecException("JPEG 2000 decoding ran out of memory (declared size too large?)");
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader reader(String format, String label) {
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName(format);
        if (!it.hasNext()) {
            throw new CodecException("no " + label + " reader on the class path");
        }
        return it.next();
    }

    private static void checkSize(ImageReader reader, long maxSamples) throws IOException {
        long w = reader.getWidth(0);
        long h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || w * h * 4 > maxSamples) {
            throw new CodecException("compressed frame declares " + w + "x" + h + " pixels, beyond the sample limit");
        }
    }

    private static DecodedFrame toFrame(Raster r, int precision, int colorSpace) {
        int w = r.getWidth();
        int h = r.getHeight();
        int bands = r.getNumBands();
        int[] samples = r.getPixels(r.getMinX(), r.getMinY(), w, h, (int[]) null);
        return new DecodedFrame(w, h, bands, precision, samples, bands == 3 ? colorSpace : DecodedFrame.RAW);
    }
}
