package org.medvl.eval.report;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.medvl.image.ImagePipeline;
import org.medvl.image.MedicalImage;
import org.medvl.image.MedicalImages;
import org.medvl.image.PreprocessConfig;

/**
 * Small PNG thumbnails as data URLs, so an HTML report is one self-contained file. Decodes through medvl-image (DICOM,
 * PNG, JPEG alike) with the image's own window.
 */
public final class Thumbnails {
    private Thumbnails() {
    }

    /** A {@code data:image/png;base64,...} URL of the image scaled to at most {@code maxSide}; empty when unreadable. */
    public static Optional<String> dataUrl(Path image, int maxSide) {
        try {
            MedicalImage img = MedicalImages.read(image);
            BufferedImage full = new ImagePipeline(PreprocessConfig.grey(maxSide)).toDisplay(img, 0, null);
            double scale = Math.min(1.0, maxSide / (double) Math.max(full.getWidth(), full.getHeight()));
            int w = Math.max(1, (int) Math.round(full.getWidth() * scale));
            int h = Math.max(1, (int) Math.round(full.getHeight() * scale));
            BufferedImage small = new BufferedImage(w, h, full.getType());
            Graphics2D g = small.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, w, h, null);
            g.dispose();
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(small, "png", png);
            return Optional.of("data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a report page still renders without the picture
        }
    }
}
