package org.medvl.models.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/** Packs studies and reports into the network's input tensors. */
final class StudyBatch {
    private StudyBatch() {
    }

    /**
     * Images (B*V, C, S, S), study-major, and the image mask (B, V); V is the most images any study of the batch has
     * (at most {@code maxImages}: later images are dropped), missing slots are zero images with mask 0.
     */
    static NDList images(NDManager m, List<List<float[]>> studies, int maxImages, int channels, int size) {
        int b = studies.size();
        int v = 1;
        for (List<float[]> s : studies) {
            v = Math.max(v, Math.min(maxImages, s.size()));
        }
        int per = channels * size * size;
        float[] pixels = new float[b * v * per];
        float[] mask = new float[b * v];
        for (int i = 0; i < b; i++) {
            List<float[]> s = studies.get(i);
            for (int j = 0; j < Math.min(v, s.size()); j++) {
                float[] img = s.get(j);
                if (img.length != per) {
                    throw new IllegalArgumentException("image tensor has " + img.length + " values, expected " + per);
                }
                System.arraycopy(img, 0, pixels, (i * v + j) * per, per);
                mask[i * v + j] = 1f;
            }
        }
        NDArray x = m.create(pixels, new Shape((long) b * v, channels, size, size));
        return new NDList(x, m.create(mask, new Shape(b, v)));
    }

    /**
     * Teacher-forcing tensors for reports given as token ids (no start or end token): input (B, T) = start token +
     * report, target (B, T) = report + end token, target mask (B, T); T = longest report + 1.
     */
    static NDList tokens(NDManager m, List<int[]> reports) {
        return tokens(m, java.util.Collections.nCopies(reports.size(), new int[0]), reports);
    }

    /**
     * The same for texts that continue a forced prefix each: input = start token + prefix + text, target = the input
     * shifted by one + end token; only the text's tokens and its end token are scored (mask 1), not the prefix.
     */
    static NDList tokens(NDManager m, List<int[]> prefixes, List<int[]> texts) {
        int b = texts.size();
        int t = 1;
        for (int i = 0; i < b; i++) {
            t = Math.max(t, prefixes.get(i).length + texts.get(i).length + 1);
        }
        long[] input = new long[b * t];
        long[] target = new long[b * t];
        float[] mask = new float[b * t];
        for (int i = 0; i < b; i++) {
            int[] p = prefixes.get(i);
            int[] r = texts.get(i);
            int n = p.length + r.length;
            input[i * t] = WordVocabulary.BOS;
            for (int j = 0; j < n; j++) {
                int token = j < p.length ? p[j] : r[j - p.length];
                input[i * t + j + 1] = token;
                target[i * t + j] = token;
                mask[i * t + j] = j < p.length ? 0f : 1f;
            }
            target[i * t + n] = WordVocabulary.EOS;
            mask[i * t + n] = 1f;
        }
        Shape shape = new Shape(b, t);
        return new NDList(m.create(input, shape), m.create(target, shape), m.create(mask, shape));
    }
}
