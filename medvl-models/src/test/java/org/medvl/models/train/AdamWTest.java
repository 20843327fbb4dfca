package org.medvl.models.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import ai.djl.ndarray.NDList;
import org.junit.jupiter.api.Test;

class AdamWTest {
    @Test
    void firstStepMatchesTheFormulaAndStateRoundTripsExactly() throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Linear a = Linear.builder().setUnits(2).build();
            a.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            a.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(4, 3));
            NDArray x = m.randomNormal(new Shape(4, 3));
            float[] w0 = a.getParameters().get("weight").getArray().toFloatArray();
            AdamW opt = new AdamW(a, m, 0.9f, 0.999f, 1e-8f, 0.1f, 0f);
            float[] grad = backward(a, x, m);
            opt.step(0.01f);
            float[] w1 = a.getParameters().get("weight").getArray().toFloatArray();
            for (int i = 0; i < w0.length; i++) {
                // First Adam step: m/(sqrt(v)+eps) = sign(g); decoupled decay adds wd * w.
                float expected = w0[i] - 0.01f * (Math.signum(grad[i]) + 0.1f * w0[i]);
                assertEquals(expected, w1[i], 1e-5f);
            }
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            opt.save(saved);
            AdamW copy = new AdamW(a, m, 0.9f, 0.999f, 1e-8f, 0.1f, 0f);
            copy.load(new ByteArrayInputStream(saved.toByteArray()));
            assertEquals(1, copy.steps());
            ByteArrayOutputStream again = new ByteArrayOutputStream();
            copy.save(again);
            assertArrayEquals(saved.toByteArray(), again.toByteArray());
        }
    }

    @Test
    void clipsTheGlobalNorm() {
        try (NDManager m = NDManager.newBaseManager()) {
            Linear a = Linear.builder().setUnits(1).optBias(false).build();
            a.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            a.initialize(m, ai.djl.ndarray.types.DataType.FLOAT32, new Shape(1, 2));
            NDArray x = m.create(new float[] {300f, 400f}, new Shape(1, 2));
            backward(a, x, m);
            AdamW opt = new AdamW(a, m, 0.9f, 0.999f, 1e-8f, 0f, 1f);
            assertEquals(500f, opt.step(0.001f), 1e-2f, "reports the norm before clipping");
            assertTrue(opt.steps() == 1);
        }
    }

    private static float[] backward(Linear a, NDArray x, NDManager m) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = a.forward(new ParameterStore(m, false), new NDList(x), true).head();
            gc.backward(y.sum());
        }
        return a.getParameters().get("weight").getArray().getGradient().toFloatArray();
    }
}
