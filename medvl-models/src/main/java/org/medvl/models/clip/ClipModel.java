package org.medvl.models.clip;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.medvl.models.nn.ImageEncoder;
import org.medvl.models.nn.Scalars;
import org.medvl.models.nn.TextTransformer;

/**
 * A CLIP-style dual encoder (Radford et al. 2021; ConVIRT, Zhang et al. 2020): image and text encoders, linear
 * projections into a shared space, L2-normalised embeddings and a learnable logit scale (log of the inverse
 * temperature).
 *
 * <p>Inputs: images (B, C, H, W), token ids (B, T), token mask (B, T). Outputs: image embeddings (B, E), text
 * embeddings (B, E), logit scale (1).
 */
public final class ClipModel extends AbstractBlock {
    /** CLIP clamps the logit scale at 100 so training cannot blow the temperature down to zero. */
    static final float MAX_LOG_SCALE = (float) Math.log(100);
    private final ClipConfig config;
    private final ImageEncoder imageEncoder;
    private final TextTransformer textEncoder;
    private final Linear imageProjection;
    private final Linear textProjection;
    private final Parameter logitScale;

    public ClipModel(ClipConfig config) {
        this.config = config;
        this.imageEncoder = addChildBlock("image_encoder", config.image().build(config.imageSize()));
        this.textEncoder = addChildBlock("text_encoder", config.text().build());
        this.imageProjection = addChildBlock("image_projection",
                Linear.builder().setUnits(config.embedDim()).optBias(false).build());
        this.textProjection = addChildBlock("text_projection",
                Linear.builder().setUnits(config.embedDim()).optBias(false).build());
        this.logitScale = addParameter(Parameter.builder().setName("logit_scale").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1))
                .optInitializer(new ConstantInitializer((float) Math.log(1 / config.initialTemperature())))
                .build());
    }

    public ClipConfig config() {
        return config;
    }

    public ImageEncoder imageEncoder() {
        return imageEncoder;
    }

    public TextTransformer textEncoder() {
        return textEncoder;
    }

    /** Initialises every parameter for this configuration's input sizes. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(2, config.channels(), config.imageSize(), config.imageSize()),
                new Shape(2, config.text().maxLength()), new Shape(2, config.text().maxLength()));
    }

    /** L2-normalised image embeddings (B, E). */
    public NDArray embedImages(ParameterStore ps, NDArray images, boolean training) {
        NDArray f = imageEncoder.forward(ps, new NDList(images), training).head();
        return normalize(imageProjection.forward(ps, new NDList(f), training).head());
    }

    /** L2-normalised text embeddings (B, E). */
    public NDArray embedTexts(ParameterStore ps, NDArray ids, NDArray mask, boolean training) {
        NDArray f = textEncoder.forward(ps, new NDList(ids, mask), training).head();
        return normalize(textProjection.forward(ps, new NDList(f), training).head());
    }

    /** The logit scale, clamped at log(100). */
    public NDArray logitScale(ParameterStore ps, ai.djl.Device device, boolean training) {
        return Scalars.minimum(ps.getValue(logitScale, device, training), MAX_LOG_SCALE);
    }

    /**
     * x / sqrt(sum(x^2) + eps): unlike clamping the norm, this has a finite gradient when a feature vector is all
     * zeros (an image whose ReLU features all die), where the norm's own gradient is 0/0 and poisoned training.
     */
    private static NDArray normalize(NDArray x) {
        return x.div(Scalars.add(x.square().sum(new int[] {-1}, true), 1e-8f).sqrt());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray img = embedImages(ps, inputs.get(0), training);
        NDArray txt = embedTexts(ps, inputs.get(1), inputs.get(2), training);
        return new NDList(img, txt, logitScale(ps, img.getDevice(), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        return new Shape[] {new Shape(b, config.embedDim()), new Shape(b, config.embedDim()), new Shape(1)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        imageEncoder.initialize(manager, dataType, inputShapes[0]);
        textEncoder.initialize(manager, dataType, inputShapes[1], inputShapes[2]);
        long b = inputShapes[0].get(0);
        imageProjection.initialize(manager, dataType, new Shape(b, imageEncoder.featureDim()));
        textProjection.initialize(manager, dataType, new Shape(b, config.text().width()));
    }
}
