package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;

/**
 * Regression test for the non-finite gradients once seen when images were decoded during training: a garbage
 * collection between forward and backward must not change any gradient. DJL frees the memory of constants made
 * from Java numbers ({@code div(2f)} and the like) when the JVM collects, while the autograd graph still reads it
 * in backward (see {@link org.medvl.models.nn.Scalars}); glibc overwrites a freed block at once, so a collection
 * in the middle of a step corrupts the gradients deterministically when the model uses such a constant.
 */
class GradientUnderGcTest {
    @Test
    void gradientsDoNotDependOnGarbageCollectionDuringTheStep() throws Exception {
        ClipConfig config = new ClipConfig(ImageEncoderConfig.resnet(4, 1), new TextEncoderConfig(50, 8, 16, 1, 2, 0f),
                16, 1, 8, 0.07f);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            ClipModel model = new ClipModel(config);
            model.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            model.initialize(manager);
            float[] quiet = gradients(model, manager, false);
            float[] collected = gradients(model, manager, true);
            for (float v : collected) {
                assertTrue(Float.isFinite(v), "non-finite gradient after a collection between forward and backward");
            }
            assertArrayEquals(quiet, collected, "gradients changed when the JVM collected between forward and backward");
        }
    }

    /** One forward and backward pass on fixed inputs; returns every gradient, concatenated. */
    private static float[] gradients(ClipModel model, NDManager manager, boolean collectBeforeBackward)
            throws InterruptedException {
        SplittableRandom rng = new SplittableRandom(11);
        float[] pixels = new float[4 * 16 * 16];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (float) rng.nextGaussian();
        }
        long[] ids = new long[4 * 8];
        float[] mask = new float[4 * 8];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 1 + rng.nextInt(49);
            mask[i] = i % 8 < 6 ? 1 : 0;
        }
        List<Float> out = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(pixels, new Shape(4, 1, 16, 16));
            NDArray t = scope.create(ids, new Shape(4, 8));
            NDArray m = scope.create(mask, new Shape(4, 8));
            ParameterStore ps = new ParameterStore(scope, false);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray loss = ClipLoss.symmetricInfoNce(model.embedImages(ps, x, true),
                        model.embedTexts(ps, t, m, true), model.logitScale(ps, x.getDevice(), true));
                if (collectBeforeBackward) {
                    collectAndReuseNativeMemory();
                }
                collector.backward(loss);
            }
            for (Pair<String, Parameter> p : model.getParameters()) {
                if (!p.getValue().requiresGradient()) {
                    continue;
                }
                NDArray g = p.getValue().getArray().getGradient();
                for (float v : g.toFloatArray()) {
                    out.add(v);
                }
                g.subi(g);
                g.close();
            }
        }
        float[] a = new float[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    /** Collects, gives the cleaner thread time to free unreachable direct buffers, and allocates native memory. */
    private static void collectAndReuseNativeMemory() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            System.gc();
            Thread.sleep(50);
            List<java.nio.ByteBuffer> keep = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocateDirect(4 + i);
                while (b.hasRemaining()) {
                    b.put((byte) 0xFF); // NaN as float
                }
                keep.add(b);
            }
        }
    }
}
