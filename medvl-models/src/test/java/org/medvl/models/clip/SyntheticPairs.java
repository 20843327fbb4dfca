package org.medvl.models.clip;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.InMemoryImages;

/**
 * Image-text pairs with known ground truth for training tests: a bright square in one of four quadrants on a noisy
 * background, described as e.g. "bright lesion in the upper left"; the "modality" label is the quadrant.
 */
public final class SyntheticPairs {
    static final String[] QUADRANTS = {"upper left", "upper right", "lower left", "lower right"};
    static final int SIZE = 16;

    final List<ClipExample> examples = new ArrayList<>();
    final InMemoryImages images;

    SyntheticPairs(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        Map<Path, float[]> tensors = new HashMap<>();
        for (int i = 0; i < n; i++) {
            int q = i % 4;
            float[] img = new float[SIZE * SIZE];
            for (int p = 0; p < img.length; p++) {
                img[p] = (float) (rng.nextDouble() * 0.3 - 0.15);
            }
            int x0 = (q % 2) * SIZE / 2 + 1 + rng.nextInt(3);
            int y0 = (q / 2) * SIZE / 2 + 1 + rng.nextInt(3);
            for (int y = y0; y < y0 + 4; y++) {
                for (int x = x0; x < x0 + 4; x++) {
                    img[y * SIZE + x] = 1f;
                }
            }
            Path path = Path.of("synthetic", "img-" + i + ".png");
            tensors.put(path, img);
            examples.add(new ClipExample("s" + i, path, "bright lesion in the " + QUADRANTS[q], QUADRANTS[q], null));
        }
        images = new InMemoryImages(tensors, 1, SIZE,
                JsonNodeFactory.instance.objectNode().put("size", SIZE).put("channels", 1).put("synthetic", true));
    }

    static ClipConfig tinyConfig() {
        return new ClipConfig(ImageEncoderConfig.resnet(4, 1), new TextEncoderConfig(64, 12, 16, 1, 2, 0.1f), SIZE, 1,
                16, 0.07f);
    }

    static ClipTrainOptions options(int epochs, int checkpointEvery, long seed) {
        return new ClipTrainOptions(epochs, 8, 3e-3f, 1e-4f, 4, 0.01f, 1f, seed, 2, checkpointEvery,
                new AugmentConfig(0.9f, 5f, 0.05f, 0.05f, false), 64, "{caption}");
    }
}
