package org.medvl.server.images;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.medvl.image.ImagePipeline;
import org.medvl.image.MedicalImage;
import org.medvl.image.PreprocessConfig;
import org.medvl.image.Window;
import org.medvl.server.ApiException;

/**
 * Renders frame 0 of an upload as an 8-bit PNG for the page, through medvl-image's display mapping (Modality LUT,
 * VOI window, MONOCHROME1 inversion), scaled down to fit a requested side. The same windowing code as training and
 * prediction, so what the user sees is what the pipeline computes.
 */
public final class Renderer {
    private static final int MAX_SIDE = 2048;
    private final ImagePipeline pipeline = new ImagePipeline(PreprocessConfig.grey(1));

    /**
     * Parses a window from query values: a preset name, or centre and width; neither means the image's default.
     *
     * @return null for the default window
     */
    public static Window window(String preset, String center, String width) {
        if (preset != null && !preset.isBlank()) {
            if (!Window.presetNames().contains(preset.trim().toLowerCase(java.util.Locale.ROOT))) {
                throw ApiException.badRequest("unknown window preset; known: " + String.join(", ", Window.presetNames()));
            }
            return Window.preset(preset);
        }
        if (center == null && width == null) {
            return null;
        }
        if (center == null || width == null) {
            throw ApiException.badRequest("give both center and width, or a preset");
        }
        try {
            double c = Double.parseDouble(center.trim());
            double w = Double.parseDouble(width.trim());
            if (!Double.isFinite(c) || !Double.isFinite(w) || w < 1 || Math.abs(c) > 1e9 || w > 1e9) {
                throw ApiException.badRequest("window width must be 1..1e9 and centre within +-1e9");
            }
            return new Window(c, w);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("center and width must be numbers");
        }
    }

    /** The PNG of frame 0 under {@code window} (null: the image's default), at most {@code maxSide} pixels a side. */
    public byte[] png(MedicalImage image, Window window, int maxSide) {
        if (maxSide < 16 || maxSide > MAX_SIDE) {
            throw ApiException.badRequest("size must be 16.." + MAX_SIDE);
        }
        BufferedImage full = pipeline.toDisplay(image, 0, window);
        return encode(fit(full, maxSide));
    }

    /** PNG bytes of an image (lossless; no metadata is written). */
    static byte[] encode(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static BufferedImage fit(BufferedImage img, int maxSide) {
        int w = img.getWidth();
        int h = img.getHeight();
        double s = Math.min(1.0, (double) maxSide / Math.max(w, h));
        if (s >= 1.0) {
            return img;
        }
        int nw = Math.max(1, (int) Math.round(w * s));
        int nh = Math.max(1, (int) Math.round(h * s));
        BufferedImage out = new BufferedImage(nw, nh, img.getType());
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(img, 0, 0, nw, nh, null);
        } finally {
            g.dispose();
        }
        return out;
    }
}
