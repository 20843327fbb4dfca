package org.medvl.models.report.baseline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ImageEmbedder;
import org.medvl.models.api.ReportWriter;

/**
 * The nearest-neighbour baseline: returns the report of the training study whose (mean-pooled, L2-normalised) image
 * embedding has the highest cosine similarity with the query study's. Ties go to the earlier training study.
 *
 * <p>Exact search over the training set: a few thousand studies need no approximate index. Embedding runs on the
 * calling thread, one image at a time, so no image is decoded on another thread while the engine computes (see
 * InMemoryImages). Thread-safe when the embedder is; owns and closes the embedder.
 */
public final class RetrievalReportWriter implements ReportWriter {
    private final String name;
    private final ImageEmbedder embedder;
    private final List<TrainingReport> training;
    private final float[][] vectors;

    private RetrievalReportWriter(String name, ImageEmbedder embedder, List<TrainingReport> training,
                                  float[][] vectors) {
        this.name = name;
        this.embedder = embedder;
        this.training = training;
        this.vectors = vectors;
    }

    /** {@link #fit(String, ImageEmbedder, List, IntConsumer)} named "retrieval:" + the embedder's name. */
    public static RetrievalReportWriter fit(ImageEmbedder embedder, List<TrainingReport> studies, IntConsumer progress) {
        return fit("retrieval:" + embedder.name(), embedder, studies, progress);
    }

    /**
     * Embeds every training study that has images and a non-blank report.
     *
     * @param name     the writer's name in reports
     * @param progress called with 1 after each study; may be null
     */
    public static RetrievalReportWriter fit(String name, ImageEmbedder embedder, List<TrainingReport> studies,
                                            IntConsumer progress) {
        List<TrainingReport> kept = new ArrayList<>();
        List<float[]> vecs = new ArrayList<>();
        for (TrainingReport s : studies) {
            if (!s.images().isEmpty() && !s.text().isBlank()) {
                kept.add(s);
                vecs.add(StudyEmbedding.of(embedder, s.images()));
            }
            if (progress != null) {
                progress.accept(1);
            }
        }
        if (kept.isEmpty()) {
            throw new MedvlException("retrieval baseline: no training study has both images and a report");
        }
        return new RetrievalReportWriter(name, embedder, List.copyOf(kept), vecs.toArray(new float[0][]));
    }

    /** How many training studies can be returned. */
    public int size() {
        return training.size();
    }

    /** The training study nearest to the query images. */
    public TrainingReport nearest(List<Path> images) {
        float[] q = StudyEmbedding.of(embedder, images);
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vectors.length; i++) {
            double s = StudyEmbedding.dot(q, vectors[i]);
            if (s > bestScore) {
                best = i;
                bestScore = s;
            }
        }
        return training.get(best);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String writeReport(List<Path> images) {
        return nearest(images).text();
    }

    @Override
    public void close() {
        embedder.close();
    }
}
