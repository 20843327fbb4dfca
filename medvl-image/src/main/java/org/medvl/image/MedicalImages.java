package org.medvl.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomImageReader;
import org.medvl.image.dicom.DicomParser;
import org.medvl.image.raster.RasterImages;

/**
 * Reads medical images by content, not by file name: DICOM (Part 10 with preamble and "DICM", or a raw dataset) and
 * PNG, JPEG, BMP, TIFF and GIF, including 16-bit greyscale PNG. Every failure is a {@link MedvlException} that names
 * the file. Thread-safe.
 */
public final class MedicalImages {
    private MedicalImages() {
    }

    /** Reads every frame. */
    public static MedicalImage read(Path file) {
        return read(file, 0, -1, ImageLimits.DEFAULT);
    }

    /** Reads one frame (0-based). */
    public static MedicalImage read(Path file, int frame) {
        return read(file, frame, 1, ImageLimits.DEFAULT);
    }

    /** Reads {@code count} frames from {@code first} ({@code count < 0}: all), under the given limits. */
    public static MedicalImage read(Path file, int first, int count, ImageLimits limits) {
        byte[] bytes = readBytes(file, limits);
        return decode(bytes, file.toString(), first, count, limits);
    }

    /** Decodes an image held in memory; {@code source} names it in messages. */
    public static MedicalImage decode(byte[] bytes, String source, int first, int count, ImageLimits limits) {
        try {
            if (isDicom(bytes)) {
                DicomFile f = DicomParser.parse(bytes, source, limits);
                return DicomImageReader.read(f, first, count, source, limits);
            }
            String format = RasterImages.formatOf(bytes);
            if (format == null) {
                throw new MedvlException(source + ": not a recognised image (DICOM, PNG, JPEG, BMP, TIFF or GIF)");
            }
            if (first != 0) {
                throw new MedvlException(source + ": frame " + first + " does not exist (a " + format
                        + " has one frame, numbered 0)");
            }
            return RasterImages.read(bytes, format, source, limits);
        } catch (MedvlException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw new MedvlException(source + ": image too large to decode in memory");
        } catch (RuntimeException | StackOverflowError e) {
            // a codec bug or an input no check foresaw: still one clear line naming the file
            throw new MedvlException(source + ": cannot decode image (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    /** Parses a DICOM file's header and dataset without decoding pixels. */
    public static DicomFile readDicom(Path file) {
        byte[] bytes = readBytes(file, ImageLimits.DEFAULT);
        if (!isDicom(bytes)) {
            throw new MedvlException(file + ": not a DICOM file");
        }
        return DicomParser.parse(bytes, file.toString(), ImageLimits.DEFAULT);
    }

    /** Header fields only: cheap for DICOM (no pixel decoding). */
    public static ImageHeader header(Path file) {
        byte[] bytes = readBytes(file, ImageLimits.DEFAULT);
        if (isDicom(bytes)) {
            return DicomImageReader.header(DicomParser.parse(bytes, file.toString(), ImageLimits.DEFAULT));
        }
        String format = RasterImages.formatOf(bytes);
        if (format == null) {
            throw new MedvlException(file + ": not a recognised image (DICOM, PNG, JPEG, BMP, TIFF or GIF)");
        }
        return ImageHeader.plain(format, "");
    }

    /** Whether the bytes are DICOM: the Part 10 prefix, or (when no raster magic matches) a raw dataset. */
    public static boolean isDicom(byte[] bytes) {
        if (bytes.length >= 132 && bytes[128] == 'D' && bytes[129] == 'I' && bytes[130] == 'C' && bytes[131] == 'M') {
            return true;
        }
        return RasterImages.formatOf(bytes) == null && DicomParser.looksLikeDicom(bytes);
    }

    static byte[] readBytes(Path file, ImageLimits limits) {
        try {
            long size = Files.size(file);
            if (size > limits.maxFileBytes()) {
                throw new MedvlException(file + ": file of " + size + " bytes exceeds the limit of "
                        + limits.maxFileBytes());
            }
            try (InputStream in = Files.newInputStream(file)) {
                return in.readAllBytes();
            }
        } catch (NoSuchFileException e) {
            throw new MedvlException(file + ": no such file");
        } catch (IOException e) {
            throw new MedvlException(file + ": cannot read: " + e.getMessage());
        }
    }
}
