package org.medvl.models.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.medvl.core.MedvlException;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.clip.ClipAdapter;
import org.medvl.models.clip.ClipEncoders;
import org.medvl.models.onnx.OnnxClipEncoder;
import org.medvl.models.report.ReportModel;
import org.medvl.models.vqa.VqaModel;

/**
 * The one place that opens a saved medvl model directory as the task interface it serves. The server, the index,
 * the benchmarks, the Spark jobs and the CLI all load models here, so a new model kind is wired in once.
 *
 * <p>A checkpoint's {@code config.json} names its task in a top-level {@code "task"} field ({@code "clip"},
 * {@code "report"}, {@code "vqa"}); CLIP checkpoints written before that field existed are recognised by their image
 * and text encoder settings, and ONNX exports by their {@code clip-onnx.json}.
 */
public final class MedvlModels {
    /** The tasks a model directory can serve. */
    public enum Task { CLIP, REPORT, VQA }

    /** The config.json field that names the task. */
    public static final String TASK_FIELD = "task";

    private MedvlModels() {
    }

    /** The task of a model directory, or empty when the directory holds no medvl model. */
    public static Optional<Task> taskOf(Path dir) {
        if (OnnxClipEncoder.isExport(dir)) {
            return Optional.of(Task.CLIP);
        }
        if (!Files.isRegularFile(dir.resolve(Checkpoints.CONFIG))) {
            return Optional.empty();
        }
        JsonNode config = Checkpoints.tree(dir, Checkpoints.CONFIG);
        JsonNode task = config.get(TASK_FIELD);
        if (task != null && task.isTextual()) {
            try {
                return Optional.of(Task.valueOf(task.asText().toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new MedvlException(dir.resolve(Checkpoints.CONFIG) + ": field 'task': unknown task '"
                        + task.asText() + "' (expected clip, report or vqa)");
            }
        }
        if (config.has("image") && config.has("text") && config.has("embedDim")) {
            return Optional.of(Task.CLIP);
        }
        return Optional.empty();
    }

    /** The task of a model directory; a clear error when it holds none. */
    public static Task requireTask(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MedvlException("model directory " + dir + " does not exist or is not a directory");
        }
        return taskOf(dir).orElseThrow(() -> new MedvlException("model directory " + dir
                + " holds no medvl model (no config.json with a task, and no ONNX CLIP export)"));
    }

    /** A CLIP-style model (medvl checkpoint or ONNX export) as embedder and zero-shot classifier. */
    public static ClipAdapter openClip(Path dir) {
        expect(dir, Task.CLIP);
        return new ClipAdapter("clip:" + dir.getFileName(), ClipEncoders.open(dir));
    }

    /** A VQA model as a question answerer. */
    public static QuestionAnswerer openQuestionAnswerer(Path dir) {
        expect(dir, Task.VQA);
        return VqaModel.open(dir);
    }

    /** A report-generation model as a report writer. */
    public static ReportWriter openReportWriter(Path dir) {
        expect(dir, Task.REPORT);
        return ReportModel.open(dir);
    }

    private static void expect(Path dir, Task wanted) {
        Task task = requireTask(dir);
        if (task != wanted) {
            throw new MedvlException("model directory " + dir + " holds a " + task.name().toLowerCase(java.util.Locale.ROOT)
                    + " model, not a " + wanted.name().toLowerCase(java.util.Locale.ROOT) + " model");
        }
    }
}
