package org.medvl.models.report.baseline;

import java.nio.file.Path;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ImageEmbedder;

/** One vector per study: the mean of its images' embeddings, L2-normalised again (views count equally). */
final class StudyEmbedding {
    private StudyEmbedding() {
    }

    static float[] of(ImageEmbedder embedder, List<Path> images) {
        if (images.isEmpty()) {
            throw new MedvlException("retrieval baseline: a study has no images to embed");
        }
        float[] sum = new float[embedder.dimension()];
        for (Path p : images) {
            float[] e = embedder.embedImage(p);
            if (e.length != sum.length) {
                throw new MedvlException("embedder " + embedder.name() + " returned " + e.length
                        + " values for " + p + ", expected " + sum.length);
            }
            for (int i = 0; i < sum.length; i++) {
                sum[i] += e[i];
            }
        }
        return normalise(sum);
    }

    static float[] normalise(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        norm = Math.sqrt(norm);
        if (norm == 0 || !Double.isFinite(norm)) {
            return v; // an all-zero embedding stays zero: it ties with everything and the first training study wins
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
