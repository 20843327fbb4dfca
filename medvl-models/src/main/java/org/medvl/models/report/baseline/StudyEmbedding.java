package org.medvl.models.report.baseline;

import java.nio.file.Path;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.core.vector.UnitVectors;
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
        return UnitVectors.normaliseInPlace(sum); // an all-zero sum stays zero: it ties and the first study wins
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}
