package org.medvl.models.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import org.junit.jupiter.api.Test;

/** The encoders' pooled and token outputs have the shapes report generation and VQA will attend to. */
class ImageEncoderShapesTest {
    @Test
    void resnetAndVitGivePooledFeaturesAndTokens() {
        try (NDManager m = NDManager.newBaseManager()) {
            for (ImageEncoderConfig cfg : new ImageEncoderConfig[] {ImageEncoderConfig.resnet(4, 1),
                    ImageEncoderConfig.vit(16, 1, 2, 8)}) {
                ImageEncoder enc = cfg.build(32);
                enc.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
                Shape in = new Shape(2, 1, 32, 32);
                enc.initialize(m, DataType.FLOAT32, in);
                NDList out = enc.forward(new ParameterStore(m, false), new NDList(m.randomNormal(in)), false);
                assertEquals(new Shape(2, enc.featureDim()), out.get(0).getShape(), cfg.type());
                long tokens = cfg.type().equals("vit") ? 16 : 1; // 32/8 squared patches; 32/32 squared cells
                assertEquals(new Shape(2, tokens, enc.featureDim()), out.get(1).getShape(), cfg.type());
                assertEquals(new Shape(2, enc.featureDim()), enc.getOutputShapes(new Shape[] {in})[0]);
            }
        }
    }

    @Test
    void causalAttentionIgnoresTheFuture() {
        try (NDManager m = NDManager.newBaseManager()) {
            MultiHeadAttention att = new MultiHeadAttention(8, 2, true, 0f);
            att.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            Shape s = new Shape(1, 4, 8);
            att.initialize(m, DataType.FLOAT32, s, s);
            var x = m.randomNormal(s);
            var y = m.randomNormal(s);
            y.set(new ai.djl.ndarray.index.NDIndex(":, 0:2, :"), x.get(":, 0:2, :"));
            ParameterStore ps = new ParameterStore(m, false);
            float[] a = att.forward(ps, new NDList(x, x), false).head().get(":, 0:2, :").toFloatArray();
            float[] b = att.forward(ps, new NDList(y, y), false).head().get(":, 0:2, :").toFloatArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 1e-6f);
        }
    }
}
