package org.medvl.server.load;

import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.medvl.image.ImagePipeline;
import org.medvl.image.PreprocessConfig;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.api.ZeroShotClassifier;
import org.medvl.server.models.ModelSet;
import org.medvl.models.api.Softmax;

/**
 * Deterministic stand-ins that implement the model api from image statistics, for measuring the server itself (load
 * tests, benchmarks, tests of the page) where no trained model is at hand. They learned nothing and say so in every
 * output and in their names; {@code medvl serve} never loads them. Each call does the real preprocessing work a
 * model would (decode, window, resize to 224 through {@link ImagePipeline}), so timings include it.
 */
public final class CalibrationModels {
    public static final String NAME = "calibration (image statistics, not a trained model)";
    private static final ImagePipeline PIPELINE = new ImagePipeline(PreprocessConfig.grey(224));

    private CalibrationModels() {
    }

    /** Report, VQA and zero-shot panels on; similar cases off. */
    public static ModelSet all() {
        Stats s = new Stats();
        return new ModelSet(s, s, s, null, null, Map.of());
    }

    /** Mean, spread and left/right, top/bottom balance of the 224 x 224 preprocessed image. */
    static double[] features(Path image) {
        float[] x = PIPELINE.toTensor(image);
        int n = 224;
        double sum = 0;
        double sq = 0;
        double left = 0;
        double top = 0;
        for (int y = 0; y < n; y++) {
            for (int c = 0; c < n; c++) {
                double v = x[y * n + c];
                sum += v;
                sq += v * v;
                left += c < n / 2 ? v : 0;
                top += y < n / 2 ? v : 0;
            }
        }
        double mean = sum / (n * n);
        double sd = Math.sqrt(Math.max(0, sq / (n * n) - mean * mean));
        return new double[] {mean, sd, left / Math.max(1e-9, sum - left), top / Math.max(1e-9, sum - top)};
    }

    private static final class Stats implements ReportWriter, QuestionAnswerer, ZeroShotClassifier {
        @Override
        public String name() {
            return NAME;
        }

        @Override
        public void close() {
            // holds nothing
        }

        @Override
        public String writeReport(List<Path> images) {
            double[] f = features(images.get(0));
            return String.format(java.util.Locale.ROOT, "CALIBRATION OUTPUT - NOT A TRAINED MODEL.%nFindings: mean"
                    + " intensity %.3f, spread %.3f, left/right balance %.2f, top/bottom balance %.2f.%nImpression:"
                    + " none (this model describes pixel statistics only).", f[0], f[1], f[2], f[3]);
        }

        @Override
        public ModelAnswer answer(VisualQuestion q) {
            double[] f = features(q.image());
            List<String> options = q.options().isEmpty() ? List.of("yes", "no") : q.options();
            double[] logits = new double[options.size()];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = 4 * f[0] * unit(q.question() + "|" + options.get(i));
            }
            List<LabelScore> ranked = Softmax.ranked(options, logits);
            return new ModelAnswer(ranked.get(0).label(), ranked.get(0).probability(), ranked.stream()
                    .map(r -> new ModelAnswer.Alternative(r.label(), r.probability())).toList());
        }

        @Override
        public List<LabelScore> classify(Path image, List<String> labels) {
            double[] f = features(image);
            double[] logits = new double[labels.size()];
            for (int i = 0; i < logits.length; i++) {
                logits[i] = 3 * (f[0] * unit(labels.get(i)) + f[1] * unit("sd:" + labels.get(i)));
            }
            return Softmax.ranked(labels, logits);
        }

        /** A fixed pseudo-random number in [-1, 1] for a text (FNV-1a), so outputs are reproducible. */
        private static double unit(String s) {
            long h = 0xcbf29ce484222325L;
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                h = (h ^ (b & 0xff)) * 0x100000001b3L;
            }
            return ((h >>> 11) / (double) (1L << 53)) * 2 - 1;
        }
    }
}
