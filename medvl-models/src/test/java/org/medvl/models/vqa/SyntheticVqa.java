package org.medvl.models.vqa;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.models.train.AugmentConfig;

/**
 * Real PNG files with a known answer: a bright square in the left or right half of a noisy 32x32 image. Each image
 * gets a closed question ("is the lesion on the left?") and an open one ("where is the lesion?"), so only a model that
 * looks at the image can beat chance, and the question-only baseline cannot.
 */
final class SyntheticVqa {
    static final int SIZE = 32;

    private SyntheticVqa() {
    }

    static List<VqaItem> write(Path dir, String prefix, int images, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<VqaItem> items = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < images; i++) {
                boolean left = rng.nextBoolean();
                ImageRef ref = lesion(dir, prefix + i, rng, left ? 3 : SIZE / 2 + 3, 4, SIZE - 16);
                items.add(new VqaItem(prefix + i + "-c", ref, "Is the lesion on the left?", left ? "Yes" : "No",
                        AnswerType.CLOSED, "POS", Split.TRAIN, "en", List.of(), null));
                items.add(new VqaItem(prefix + i + "-o", ref, "Where is the lesion?", left ? "left" : "right",
                        AnswerType.OPEN, "POS", Split.TRAIN, "en", List.of(), null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return items;
    }

    /**
     * Writes {@code dir/name.png}: noise (grey 40-79) with a bright 8x8 square whose corner is drawn from xFrom + [0, 5)
     * and yFrom + [0, yRange), all from {@code rng}.
     */
    static ImageRef lesion(Path dir, String name, SplittableRandom rng, int xFrom, int yFrom, int yRange)
            throws IOException {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                img.getRaster().setSample(x, y, 0, 40 + rng.nextInt(40));
            }
        }
        int x0 = xFrom + rng.nextInt(5);
        int y0 = yFrom + rng.nextInt(yRange);
        for (int y = y0; y < y0 + 8; y++) {
            for (int x = x0; x < x0 + 8; x++) {
                img.getRaster().setSample(x, y, 0, 240);
            }
        }
        Path file = dir.resolve(name + ".png");
        ImageIO.write(img, "png", file.toFile());
        return ImageRef.of(name, file.toString());
    }

    /** A tiny network that trains in seconds on 2 cores. */
    static VqaTrainOptions tiny(String kind, int epochs, int checkpointEvery, long seed) {
        return new VqaTrainOptions(kind, SIZE, 1, 8, 1, 32, 1, 2, 12, 1, 0.1f, epochs, 16, 3e-3f, 1e-4f, 10, 0.01f,
                1f, 0.05f, seed, 2, checkpointEvery, new AugmentConfig(0.9f, 5f, 0.05f, 0.05f, false), 50, 1, null);
    }
}
