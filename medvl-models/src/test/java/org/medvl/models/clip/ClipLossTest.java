package org.medvl.models.clip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The multi-positive InfoNCE against the plain one and against the formula computed by hand. */
class ClipLossTest {
    @Test
    void targetsSpreadEachRowOverItsIdenticalTexts() {
        assertNull(ClipLoss.identicalTextTargets(List.of("a", "b", "c")));
        float[] t = ClipLoss.identicalTextTargets(List.of("a", "b", "a"));
        assertArrayEquals(new float[] {0.5f, 0, 0.5f, 0, 1, 0, 0.5f, 0, 0.5f}, t);
    }

    @Test
    void identityTargetsGiveThePlainLossAndSharedTextsTheHandComputedOne() {
        int b = 3;
        int e = 4;
        SplittableRandom rng = new SplittableRandom(2);
        float[][] img = unit(rng, b, e);
        float[][] txt = unit(rng, b, e);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray i = m.create(flat(img), new Shape(b, e));
            NDArray x = m.create(flat(txt), new Shape(b, e));
            NDArray logScale = m.create(new float[] {(float) Math.log(10)}, new Shape(1));
            float plain = ClipLoss.symmetricInfoNce(i, x, logScale).getFloat();
            float[] identity = {1, 0, 0, 0, 1, 0, 0, 0, 1};
            assertEquals(plain, ClipLoss.symmetricInfoNce(i, x, logScale, m.create(identity, new Shape(b, b)))
                    .getFloat(), 1e-6);

            float[] shared = ClipLoss.identicalTextTargets(List.of("a", "b", "a"));
            float got = ClipLoss.symmetricInfoNce(i, x, logScale, m.create(shared, new Shape(b, b))).getFloat();
            assertEquals(byHand(img, txt, shared, 10), got, 1e-5);
        }
    }

    /** Mean over rows of logsumexp(row) - sum(target * row), both directions, halved. */
    private static double byHand(float[][] img, float[][] txt, float[] targets, double scale) {
        int b = img.length;
        double[][] logits = new double[b][b];
        for (int r = 0; r < b; r++) {
            for (int c = 0; c < b; c++) {
                for (int d = 0; d < img[r].length; d++) {
                    logits[r][c] += scale * img[r][d] * txt[c][d];
                }
            }
        }
        double i2t = 0;
        double t2i = 0;
        for (int k = 0; k < b; k++) {
            double rowSum = 0;
            double colSum = 0;
            double rowTarget = 0;
            double colTarget = 0;
            for (int j = 0; j < b; j++) {
                rowSum += Math.exp(logits[k][j]);
                colSum += Math.exp(logits[j][k]);
                rowTarget += targets[k * b + j] * logits[k][j];
                colTarget += targets[j * b + k] * logits[j][k];
            }
            i2t += Math.log(rowSum) - rowTarget;
            t2i += Math.log(colSum) - colTarget;
        }
        return (i2t / b + t2i / b) / 2;
    }

    private static float[][] unit(SplittableRandom rng, int n, int d) {
        float[][] out = new float[n][d];
        for (float[] row : out) {
            double norm = 0;
            for (int k = 0; k < d; k++) {
                row[k] = (float) rng.nextGaussian();
                norm += row[k] * row[k];
            }
            for (int k = 0; k < d; k++) {
                row[k] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }

    private static float[] flat(float[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * m[r].length, m[r].length);
        }
        return out;
    }
}
