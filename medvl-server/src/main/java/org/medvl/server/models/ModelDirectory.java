package org.medvl.server.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.clip.ClipAdapter;
import org.medvl.models.onnx.OnnxClipEncoder;

/**
 * Loads what a model directory holds through {@link MedvlModels}: the directory itself and each of its immediate
 * subdirectories may be a model. A CLIP model serves zero-shot findings and embeddings, a report model the report
 * panel, a VQA model the question panel; the first of each kind is served. A model that fails to load is reported,
 * never fatal, so one broken model does not keep the others from being served.
 */
public final class ModelDirectory {

    private ModelDirectory() {
    }

    /** Loads the models under {@code dir}; {@code log} receives one line per model found. */
    public static ModelSet load(Path dir, Consumer<String> log) {
        if (!Files.isDirectory(dir)) {
            throw new MedvlException("model directory " + dir + " does not exist or is not a directory");
        }
        Map<String, String> notes = new LinkedHashMap<>();
        ClipAdapter clip = null;
        ReportWriter report = null;
        QuestionAnswerer vqa = null;
        for (Path ck : candidates(dir)) {
            MedvlModels.Task task;
            try {
                task = MedvlModels.taskOf(ck).orElse(null);
            } catch (RuntimeException e) {
                log.accept("models: " + ck + ": " + e.getMessage());
                continue;
            }
            if (task == null) {
                log.accept("models: " + ck + ": not a medvl model, skipped");
                continue;
            }
            String panel = switch (task) {
                case CLIP -> ModelSet.FINDINGS;
                case REPORT -> ModelSet.REPORT;
                case VQA -> ModelSet.VQA;
            };
            boolean taken = switch (task) {
                case CLIP -> clip != null;
                case REPORT -> report != null;
                case VQA -> vqa != null;
            };
            if (taken) {
                log.accept("models: " + ck + ": a second " + task.name().toLowerCase(Locale.ROOT) + " model, ignored");
                continue;
            }
            try {
                switch (task) {
                    case CLIP -> clip = MedvlModels.openClip(ck);
                    case REPORT -> report = MedvlModels.openReportWriter(ck);
                    case VQA -> vqa = MedvlModels.openQuestionAnswerer(ck);
                }
                notes.remove(panel);
                log.accept("models: " + ck + ": " + task.name().toLowerCase(Locale.ROOT) + " model loaded");
            } catch (RuntimeException e) { // a broken checkpoint or engine: report it, serve the rest
                notes.put(panel, task.name().toLowerCase(Locale.ROOT) + " model " + ck.getFileName()
                        + " failed to load: " + String.valueOf(e.getMessage()).lines().findFirst()
                        .orElse(e.getClass().getSimpleName()));
                log.accept("models: " + ck + ": " + e.getMessage());
            }
        }
        if (report == null) {
            notes.putIfAbsent(ModelSet.REPORT, "no report-generation model in " + dir);
        }
        if (vqa == null) {
            notes.putIfAbsent(ModelSet.VQA, "no question-answering model in " + dir);
        }
        return new ModelSet(report, vqa, clip, clip, null, notes);
    }

    private static List<Path> candidates(Path dir) {
        List<Path> out = new ArrayList<>();
        if (looksLikeModel(dir)) {
            out.add(dir);
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(ModelDirectory::looksLikeModel).sorted().forEach(out::add);
        } catch (IOException e) {
            throw new MedvlException("cannot list model directory " + dir + ": " + e.getMessage());
        }
        return out;
    }

    private static boolean looksLikeModel(Path dir) {
        return Files.isRegularFile(dir.resolve(Checkpoints.CONFIG)) || OnnxClipEncoder.isExport(dir);
    }
}
