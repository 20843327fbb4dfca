package org.medvl.models.vqa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import org.medvl.models.train.ImageTensors;

/** The image source of models that never look at the image (question-only): a single zero, no decoding. */
final class NoImages implements ImageTensors {
    @Override
    public float[] load(Path image) {
        return new float[1];
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public int size() {
        return 1;
    }

    @Override
    public JsonNode describe() {
        return JsonNodeFactory.instance.objectNode().put("images", "not used");
    }
}
