package org.medvl.models.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.image.ImagePipeline;
import org.medvl.image.PreprocessConfig;

/** Image tensors from medvl's shared {@link ImagePipeline}: the same decoding at training, prediction and serving. */
public final class PipelineImages implements ImageTensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ImagePipeline pipeline;

    public PipelineImages(PreprocessConfig config) {
        this.pipeline = new ImagePipeline(config);
    }

    /** Grey images normalised around mid-grey, the default for radiology CLIP models. */
    public static PipelineImages grey(int size) {
        return new PipelineImages(new PreprocessConfig(size, 1, new double[] {0.5}, new double[] {0.25}, "auto", true,
                0));
    }

    /** Rebuilds the pipeline a checkpoint's preprocess.json describes. */
    public static PipelineImages fromJson(JsonNode node, String where) {
        try {
            return new PipelineImages(JSON.treeToValue(node, PreprocessConfig.class));
        } catch (JsonProcessingException e) {
            throw new MedvlException(where + ": not a preprocessing description: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
    }

    @Override
    public float[] load(Path image) {
        return pipeline.toTensor(image);
    }

    @Override
    public int channels() {
        return pipeline.config().channels();
    }

    @Override
    public int size() {
        return pipeline.config().size();
    }

    @Override
    public JsonNode describe() {
        return JSON.valueToTree(pipeline.config());
    }
}
