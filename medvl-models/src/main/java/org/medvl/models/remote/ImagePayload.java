package org.medvl.models.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.medvl.core.MedvlException;

/**
 * Image bytes for a chat request. PNG and JPEG files go as they are; BMP and TIFF are re-encoded as PNG, since chat
 * servers accept only web formats.
 */
final class ImagePayload {
    private ImagePayload() {
    }

    static byte[] read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new MedvlException("cannot read image " + file + ": " + e.getClass().getSimpleName());
        }
        if (isPng(bytes) || isJpeg(bytes)) {
            return bytes;
        }
        try {
            var image = ImageIO.read(new java.io.ByteArrayInputStream(bytes));
            if (image == null) {
                throw new MedvlException("cannot send " + file + " to a remote model: not a PNG/JPEG/BMP/TIFF image");
            }
            var out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new MedvlException("cannot convert " + file + " to PNG: " + e.getMessage());
        }
    }

    static String dataUrl(byte[] bytes) {
        String mime = isJpeg(bytes) ? "image/jpeg" : "image/png";
        return "data:" + mime + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    static boolean isPng(byte[] b) {
        return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    }

    static boolean isJpeg(byte[] b) {
        return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF;
    }
}
