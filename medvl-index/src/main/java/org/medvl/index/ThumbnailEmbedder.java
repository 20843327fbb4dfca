package org.medvl.index;

import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.image.ImagePipeline;
import org.medvl.image.PreprocessConfig;
import org.medvl.models.api.ImageEmbedder;

/**
 * A model-free baseline: the image shrunk to a small grey thumbnail by medvl's image pipeline (PNG, JPEG or DICOM,
 * windowed as the pipeline does), mean-centred and L2-normalised, so cosine similarity is the Pearson correlation of
 * thumbnails. It finds images that look alike in layout and contrast, nothing semantic; it exists so the index, the
 * server's similar-case view and the evaluation run before a CLIP model is trained, and as the floor a trained
 * model must beat. It has no text encoder: text queries against it use BM25.
 */
public final class ThumbnailEmbedder implements ImageEmbedder {
    /** The name given on the command line: {@code --model thumbnail}. */
    public static final String NAME = "thumbnail";
    private final int side;
    private final ImagePipeline pipeline;

    /** @param side thumbnail side in pixels; the dimension is side squared (Lucene allows up to 1024) */
    public ThumbnailEmbedder(int side) {
        if (side < 2 || side * side > 1024) {
            throw new IllegalArgumentException("thumbnail side must be 2..32, got " + side);
        }
        this.side = side;
        this.pipeline = new ImagePipeline(PreprocessConfig.grey(side));
    }

    @Override
    public String name() {
        return NAME + "-" + side;
    }

    @Override
    public int dimension() {
        return side * side;
    }

    @Override
    public float[] embedImage(Path image) {
        float[] v = pipeline.toTensor(image);
        double mean = 0;
        for (float x : v) {
            mean += x;
        }
        mean /= v.length;
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] -= (float) mean;
            norm += (double) v[i] * v[i];
        }
        if (norm == 0) {
            // A flat image has no pattern to correlate; any fixed unit vector keeps it searchable.
            java.util.Arrays.fill(v, (float) (1 / Math.sqrt(v.length)));
            return v;
        }
        float inv = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return v;
    }

    @Override
    public float[] embedText(String text) {
        throw new MedvlException("the " + name() + " baseline has no text encoder: use BM25 text search "
                + "(--text-mode bm25) or an index built with a CLIP model");
    }
}
