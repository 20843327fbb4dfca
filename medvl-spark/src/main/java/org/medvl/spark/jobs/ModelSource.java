package org.medvl.spark.jobs;

import java.io.Serializable;
import java.nio.file.Path;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.clip.ClipAdapter;

/**
 * How an executor opens a model: shipped to executors with the job, opened there at most once per executor JVM
 * ({@link SharedModels}). The model directory must be readable at the same path on every executor (a shared
 * filesystem, or a directory shipped with spark-submit --files / --archives).
 *
 * @param <T> the task interface
 */
public interface ModelSource<T extends AutoCloseable> extends Serializable {
    /** Identifies the model in the executor's cache. */
    String key();

    T open();

    static ModelSource<ClipAdapter> clip(String dir) {
        return of("clip:" + dir, () -> MedvlModels.openClip(Path.of(dir)));
    }

    static ModelSource<ReportWriter> reportWriter(String dir) {
        return of("report:" + dir, () -> MedvlModels.openReportWriter(Path.of(dir)));
    }

    static ModelSource<QuestionAnswerer> questionAnswerer(String dir) {
        return of("vqa:" + dir, () -> MedvlModels.openQuestionAnswerer(Path.of(dir)));
    }

    /** A source from a serializable opener (tests use small in-process models). */
    static <T extends AutoCloseable> ModelSource<T> of(String key, Opener<T> opener) {
        return new ModelSource<>() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public T open() {
                return opener.open();
            }
        };
    }

    /** A serializable factory. */
    @FunctionalInterface
    interface Opener<T> extends Serializable {
        T open();
    }
}
