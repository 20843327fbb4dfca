package org.medvl.cli.demo.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.io.AtomicFiles;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.clip.ClipAdapter;
import org.medvl.models.clip.ClipConfig;
import org.medvl.models.clip.ClipExample;
import org.medvl.models.clip.ClipTrainOptions;
import org.medvl.models.clip.ClipTrainer;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.nn.TextEncoderConfig;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.PipelineImages;
import org.medvl.metrics.retrieval.RetrievalMetrics;

/** Trains a compact CLIP-style model on the image-text pairs and scores image-text retrieval on the held-out ones. */
final class ClipStep implements DemoStep {
    static final String TASK = "clip";
    /** ResNet first-stage width, shared with the VQA network so that it can start from this model's encoder. */
    static final int IMAGE_WIDTH = 16;

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String unavailableReason(DemoData data) {
        return data.pairs().usable() ? null : "the data has no image-text pairs with both a train and a held-out part";
    }

    @Override
    public void train(DemoData data, DemoSettings s, Path runDir, Path modelDir) {
        List<ClipExample> train = data.pairs().train().stream().map(ClipExample::of).toList();
        ClipConfig config = new ClipConfig(ImageEncoderConfig.resnet(IMAGE_WIDTH, 1),
                new TextEncoderConfig(1000, 96, 64, 2, 4, 0.1f), s.modelSize(), 1, 64, 0.07f);
        int batch = Math.min(32, train.size());
        ClipTrainOptions options = new ClipTrainOptions(s.clipEpochs(), batch, 1e-3f, 1e-5f, 20, 0.1f, 1.0f,
                s.seed(), 1, 0, AugmentConfig.none(), 1000, "{caption}");
        // Decoded once up front: decoding on loader threads while the engine computes corrupted training (issue 7).
        ImageTensors images = InMemoryImages.cache(PipelineImages.grey(s.modelSize()),
                train.stream().map(ClipExample::image).toList());
        boolean resume = Files.isDirectory(runDir.resolve("checkpoint"));
        if (!resume) {
            AtomicFiles.deleteTree(runDir); // a run killed before its first checkpoint: start it again
        }
        ClipTrainer.Result r = new ClipTrainer(config, options, images).train(train, List.of(), runDir, resume, null);
        DemoStep.moveInto(r.model(), modelDir);
    }

    @Override
    public void evaluate(DemoData data, DemoSettings s, Path modelDir, Path predictionsDir, Summary summary) {
        List<ClipExample> test = data.pairs().test().stream().map(ClipExample::of).toList();
        int n = test.size();
        double[][] sim = new double[n][n];
        try (ClipAdapter clip = MedvlModels.openClip(modelDir)) {
            List<float[]> img = new ArrayList<>(n);
            List<float[]> txt = new ArrayList<>(n);
            for (ClipExample e : test) {
                img.add(clip.embedImage(e.image()));
                txt.add(clip.embedText(e.text()));
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    sim[i][j] = dot(img.get(i), txt.get(j));
                }
            }
        }
        RetrievalMetrics.Result r = RetrievalMetrics.fromSimilarity(sim);
        String random = "random ranking: K / " + n;
        summary.add(new Summary.Row(TASK, "image-to-text R@1", r.imageToText().recallAt1(), Math.min(1, n) / (double) n,
                random, n));
        summary.add(new Summary.Row(TASK, "image-to-text R@5", r.imageToText().recallAt5(), Math.min(5, n) / (double) n,
                random, n));
        summary.add(new Summary.Row(TASK, "image-to-text R@10", r.imageToText().recallAt10(),
                Math.min(10, n) / (double) n, random, n));
        summary.add(new Summary.Row(TASK, "text-to-image R@10", r.textToImage().recallAt10(),
                Math.min(10, n) / (double) n, random, n));
    }

    private static double dot(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d += a[i] * b[i];
        }
        return d;
    }
}
