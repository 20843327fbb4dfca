package org.medvl.models.vqa;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.medvl.models.nn.ImageEncoder;
import org.medvl.models.nn.Scalars;
import org.medvl.models.nn.TextTransformer;
import org.medvl.models.nn.TransformerLayer;

/**
 * Image encoder + question encoder + fusion + answer classifier. The image grid features (B, N, C) are projected to
 * the question width and given learned positions; question tokens then cross-attend to them in
 * {@code fusionLayers} Transformer layers (the attention-over-regions idea of stacked-attention and BAN models,
 * written with medvl's layers). The classifier sees the fused question summary, the plain question summary, the
 * pooled image feature and their element-wise product (the bilinear term of MCB/MLB-style fusion).
 *
 * <p>Question-only models skip the image path and classify from the question summary alone: the "answer prior given
 * the question" baseline with the same encoder and training.
 *
 * <p>Inputs: images (B, C, H, W) (ignored, may be a (B, 1) placeholder, for question-only), token ids (B, T), mask
 * (B, T). Output: answer logits (B, A).
 */
public final class VqaNetwork extends AbstractBlock {
    private final VqaConfig config;
    private final int width;
    private final ImageEncoder imageEncoder;
    private final Linear imageProjection;
    private final Parameter imagePositions;
    private final TextTransformer questionEncoder;
    private final List<TransformerLayer> fusion = new ArrayList<>();
    private final LayerNorm fusionNorm;
    private final Linear hidden;
    private final Linear classifier;

    public VqaNetwork(VqaConfig config) {
        this.config = config;
        this.width = config.text().width();
        this.questionEncoder = addChildBlock("question_encoder", config.text().build());
        if (config.usesImage()) {
            this.imageEncoder = addChildBlock("image_encoder", config.image().build(config.imageSize()));
            this.imageProjection = addChildBlock("image_projection", Linear.builder().setUnits(width).build());
            this.imagePositions = addParameter(Parameter.builder().setName("image_positions")
                    .setType(Parameter.Type.OTHER).optShape(new Shape(gridTokens(), width))
                    .optInitializer(new NormalInitializer(0.02f)).build());
            for (int i = 0; i < config.fusionLayers(); i++) {
                fusion.add(addChildBlock("fusion" + i, new TransformerLayer(width, config.text().heads(), 4 * width,
                        config.dropout(), false, true)));
            }
            this.fusionNorm = addChildBlock("fusion_norm", LayerNorm.builder().axis(2).build());
        } else {
            this.imageEncoder = null;
            this.imageProjection = null;
            this.imagePositions = null;
            this.fusionNorm = null;
        }
        this.hidden = addChildBlock("hidden", Linear.builder().setUnits(2L * width).build());
        this.classifier = addChildBlock("classifier", Linear.builder().setUnits(config.answers()).build());
    }

    public VqaConfig config() {
        return config;
    }

    /** The image encoder, for initialising it from a CLIP checkpoint; null for question-only models. */
    public ImageEncoder imageEncoder() {
        return imageEncoder;
    }

    private int gridTokens() {
        Shape[] out = config.image().build(config.imageSize()).getOutputShapes(new Shape[] {
            new Shape(1, config.channels(), config.imageSize(), config.imageSize())});
        return (int) out[1].get(1);
    }

    /** Initialises every parameter for this configuration's input sizes. */
    public void initialize(NDManager manager) {
        int t = config.text().maxLength();
        initialize(manager, DataType.FLOAT32, new Shape(2, config.channels(), config.imageSize(), config.imageSize()),
                new Shape(2, t), new Shape(2, t));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(1);
        NDArray mask = inputs.get(2);
        NDList q = questionEncoder.forward(ps, new NDList(ids, mask), training);
        NDArray question = q.get(0);
        NDArray features;
        if (imageEncoder == null) {
            features = question;
        } else {
            NDList img = imageEncoder.forward(ps, new NDList(inputs.get(0)), training);
            NDArray grid = imageProjection.forward(ps, new NDList(img.get(1)), training).head();
            grid = grid.add(ps.getValue(imagePositions, grid.getDevice(), training).expandDims(0));
            NDArray x = q.get(1);
            for (TransformerLayer layer : fusion) {
                x = layer.forward(ps, new NDList(x, mask, grid), training).head();
            }
            x = fusionNorm.forward(ps, new NDList(x), training).head();
            NDArray m = mask.expandDims(-1);
            NDArray fused = x.mul(m).sum(new int[] {1}).div(Scalars.maximum(m.sum(new int[] {1}), 1f));
            NDArray image = grid.mean(new int[] {1});
            features = NDArrays.concat(new NDList(fused, question, image, question.mul(image)), -1);
        }
        NDArray h = Activation.gelu(hidden.forward(ps, new NDList(drop(features, training)), training).head());
        return classifier.forward(ps, new NDList(drop(h, training)), training);
    }

    private NDArray drop(NDArray a, boolean training) {
        return config.dropout() > 0 ? Dropout.dropout(a, config.dropout(), training).head() : a;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[1].get(0), config.answers())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        questionEncoder.initialize(manager, dataType, inputShapes[1], inputShapes[2]);
        long b = inputShapes[1].get(0);
        long t = inputShapes[1].get(1);
        long featureWidth = width;
        if (imageEncoder != null) {
            imageEncoder.initialize(manager, dataType, inputShapes[0]);
            Shape grid = imageEncoder.getOutputShapes(new Shape[] {inputShapes[0]})[1];
            imageProjection.initialize(manager, dataType, grid);
            Shape memory = new Shape(b, grid.get(1), width);
            Shape x = new Shape(b, t, width);
            for (TransformerLayer layer : fusion) {
                layer.initialize(manager, dataType, x, inputShapes[2], memory);
            }
            fusionNorm.initialize(manager, dataType, x);
            featureWidth = 4L * width;
        }
        hidden.initialize(manager, dataType, new Shape(b, featureWidth));
        classifier.initialize(manager, dataType, new Shape(b, 2L * width));
    }
}
