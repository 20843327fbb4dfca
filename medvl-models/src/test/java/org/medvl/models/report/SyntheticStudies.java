package org.medvl.models.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.train.AugmentConfig;

/**
 * Two-view studies with known reports for training tests: each view is a PNG with a bright square in one quadrant
 * on a noisy background, and the report names the quadrant of each view in order ("first view upper left . second
 * view lower right ."), so a model must tell the views apart to get it right.
 */
final class SyntheticStudies {
    static final String[] QUADRANTS = {"upper left", "upper right", "lower left", "lower right"};
    static final int SIZE = 32;

    private SyntheticStudies() {
    }

    static List<ReportExample> make(Path dir, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<ReportExample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int q1 = i % 4;
            int q2 = (i / 4) % 4;
            Path a = write(dir.resolve("s" + i + "-a.png"), q1, rng);
            Path b = write(dir.resolve("s" + i + "-b.png"), q2, rng);
            out.add(new ReportExample("s" + i, List.of(a, b),
                    "First view " + QUADRANTS[q1] + ". Second view " + QUADRANTS[q2] + "."));
        }
        return out;
    }

    private static Path write(Path file, int quadrant, SplittableRandom rng) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        int x0 = (quadrant % 2) * SIZE / 2 + 2 + rng.nextInt(4);
        int y0 = (quadrant / 2) * SIZE / 2 + 2 + rng.nextInt(4);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean lesion = x >= x0 && x < x0 + 8 && y >= y0 && y < y0 + 8;
                int v = lesion ? 230 : 40 + rng.nextInt(40);
                img.getRaster().setSample(x, y, 0, v);
            }
        }
        try {
            ImageIO.write(img, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static ReportConfig config(String decoder) {
        return new ReportConfig(ReportConfig.TASK, ImageEncoderConfig.resnet(8, 1), SIZE, 1, decoder, 32, 1, 2, 0f,
                16, 0, 2, 2);
    }

    static ReportTrainOptions options(int epochs, int checkpointEvery) {
        return new ReportTrainOptions(epochs, 16, 3e-3f, 1e-4f, 10, 0.01f, 1f, 0f, 7, checkpointEvery,
                AugmentConfig.none(), 1, 1000, 0, null);
    }
}
