package org.medvl.cli.eval;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.core.io.Progress;
import org.medvl.eval.reportgen.ReportEvaluation;
import org.medvl.index.ThumbnailEmbedder;
import org.medvl.models.api.ImageEmbedder;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.report.baseline.ConstantReportWriter;
import org.medvl.models.report.baseline.RetrievalReportWriter;
import org.medvl.models.report.baseline.TrainingReport;

/**
 * Builds the report-generation baselines of {@code medvl eval report} from training studies. Lives in the CLI because
 * the model-free thumbnail embedder is in medvl-index, which medvl-models must not depend on.
 */
final class ReportBaselines {
    static final List<String> NAMES = List.of("constant", "retrieval");

    private ReportBaselines() {
    }

    /** What determines a baseline's output besides its name: the training split and the embedder. */
    static String provenance(String name, String clip, String train) {
        String embedder = clip == null || clip.startsWith(ThumbnailEmbedder.NAME) ? String.valueOf(clip)
                : Path.of(clip).toAbsolutePath().normalize().toString();
        return "train=" + train + (name.equals("retrieval") ? " embedder=" + embedder : "");
    }

    static ReportWriter open(String name, String clip, List<ReportEvaluation.Study> train, PrintWriter out) {
        List<TrainingReport> studies = train.stream()
                .map(s -> new TrainingReport(s.id(), s.images(), s.reference())).toList();
        switch (name) {
            case "constant" -> {
                ConstantReportWriter w = ConstantReportWriter.fit(studies.stream().map(TrainingReport::text).toList());
                out.printf("constant baseline: the most common training report occurs %d of %d times%s%n", w.count(),
                        w.total(), w.count() == 1 ? " (all differ: the lexicographically first is used)" : "");
                return w;
            }
            case "retrieval" -> {
                ImageEmbedder embedder = embedder(clip);
                String label = "retrieval-" + (clip.startsWith(ThumbnailEmbedder.NAME) ? clip : "clip");
                try (Progress p = Progress.start("embedding training studies (" + embedder.name() + ")",
                        studies.size())) {
                    return RetrievalReportWriter.fit(label, embedder, studies, p::stepBy);
                } catch (RuntimeException e) {
                    embedder.close();
                    throw e;
                }
            }
            default -> throw new MedvlException("--baseline " + name + ": unknown baseline; known: "
                    + String.join(", ", NAMES));
        }
    }

    /** A CLIP checkpoint directory, or 'thumbnail' / 'thumbnail-N' for the model-free pixel embedder. */
    private static ImageEmbedder embedder(String clip) {
        if (clip == null) {
            throw new MedvlException("--baseline retrieval needs --clip DIR (a medvl CLIP checkpoint or ONNX export) "
                    + "or --clip thumbnail (model-free pixel embedding)");
        }
        if (clip.equals(ThumbnailEmbedder.NAME)) {
            return new ThumbnailEmbedder(32);
        }
        if (clip.startsWith(ThumbnailEmbedder.NAME + "-")) {
            try {
                return new ThumbnailEmbedder(Integer.parseInt(clip.substring(ThumbnailEmbedder.NAME.length() + 1)));
            } catch (IllegalArgumentException e) {
                throw new MedvlException("--clip " + clip + ": " + e.getMessage());
            }
        }
        Path dir = Path.of(clip);
        if (!Files.isDirectory(dir)) {
            throw new MedvlException("--clip " + clip + ": no such model directory (or use 'thumbnail')");
        }
        return MedvlModels.openClip(dir);
    }
}
