package org.medvl.data.inspect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * How {@code data inspect} checks images: not at all, existence only, or decoding. PNG/JPEG/GIF/BMP decode with
 * javax.imageio; DICOM files are checked for the "DICM" preamble magic only (full DICOM decoding lives in medvl-image).
 */
public enum ImageCheck {
    NONE, EXISTS, DECODE;

    /** The outcome for one image. */
    public enum Result { OK, MISSING, UNDECODABLE }

    public Result check(String path) {
        if (this == NONE) {
            return Result.OK;
        }
        Path p = Path.of(path);
        if (!Files.isRegularFile(p)) {
            return Result.MISSING;
        }
        if (this == EXISTS) {
            return Result.OK;
        }
        return decodes(p) ? Result.OK : Result.UNDECODABLE;
    }

    private static boolean decodes(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".dcm") || name.endsWith(".dicom") || isDicom(p)) {
                return isDicom(p);
            }
            var img = ImageIO.read(p.toFile());
            return img != null && img.getWidth() > 0 && img.getHeight() > 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** DICOM Part 10: 128-byte preamble then "DICM". */
    static boolean isDicom(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(132);
            return head.length == 132 && head[128] == 'D' && head[129] == 'I' && head[130] == 'C' && head[131] == 'M';
        }
    }
}
