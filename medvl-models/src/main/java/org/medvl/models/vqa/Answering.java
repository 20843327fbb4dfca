package org.medvl.models.vqa;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.train.ImageTensors;

/**
 * What turns batches of (image, question) into answers for {@link VqaModel} and the trainer's validation: the
 * classifier ({@link VqaPredictor}) or the generative decoder ({@link AnswerDecoder}). Holds the image source and a
 * native-memory scope of its own; not thread-safe.
 */
abstract class Answering implements AutoCloseable {
    /** Questions run through the network at once. */
    static final int BATCH = 32;
    final ImageTensors images;
    final NDManager manager;

    Answering(ImageTensors images, NDManager parent) {
        this.images = images;
        this.manager = parent.newSubManager();
    }

    /** A clear error for an empty question or one longer than the model reads. */
    abstract void check(String question);

    /** The question cut at a word boundary to the length the model reads (for scoring whole datasets). */
    abstract String clip(String question);

    abstract List<ModelAnswer> predict(List<Path> imageFiles, List<String> questions);

    @Override
    public void close() {
        manager.close();
    }
}
