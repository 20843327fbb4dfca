package org.medvl.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A small Vision Transformer (Dosovitskiy et al. 2021): non-overlapping patches embedded by a strided convolution,
 * a learned class token and position embeddings, pre-norm Transformer layers. Outputs the class-token feature (B, D)
 * and the patch tokens (B, N, D).
 */
public final class VisionTransformer extends AbstractBlock implements ImageEncoder {
    private final int dim;
    private final Conv2d patchEmbed;
    private final Parameter classToken;
    private final Parameter positionEmbedding;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm = LayerNorm.builder().axis(2).build();

    public VisionTransformer(int imageSize, int patch, int dim, int depth, int heads, float dropout) {
        if (imageSize % patch != 0) {
            throw new IllegalArgumentException("image size " + imageSize + " is not a multiple of patch " + patch);
        }
        this.dim = dim;
        int tokens = (imageSize / patch) * (imageSize / patch) + 1;
        this.patchEmbed = addChildBlock("patch_embed", Conv2d.builder().setFilters(dim)
                .setKernelShape(new Shape(patch, patch)).optStride(new Shape(patch, patch)).build());
        this.classToken = addParameter(Parameter.builder().setName("class_token").setType(Parameter.Type.OTHER)
                .optShape(new Shape(1, 1, dim)).optInitializer(new NormalInitializer(0.02f)).build());
        this.positionEmbedding = addParameter(Parameter.builder().setName("position_embedding")
                .setType(Parameter.Type.OTHER).optShape(new Shape(1, tokens, dim))
                .optInitializer(new NormalInitializer(0.02f)).build());
        for (int i = 0; i < depth; i++) {
            layers.add(addChildBlock("layer" + i, new TransformerLayer(dim, heads, 4 * dim, dropout, false, false)));
        }
        addChildBlock("final_norm", finalNorm);
    }

    @Override
    public int featureDim() {
        return dim;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray images = inputs.head();
        NDArray map = patchEmbed.forward(ps, new NDList(images), training).head();
        Shape s = map.getShape();
        NDArray patches = map.reshape(s.get(0), dim, s.get(2) * s.get(3)).transpose(0, 2, 1);
        NDArray cls = ps.getValue(classToken, images.getDevice(), training).broadcast(s.get(0), 1, dim);
        NDArray x = NDArrays.concat(new NDList(cls, patches), 1)
                .add(ps.getValue(positionEmbedding, images.getDevice(), training));
        for (TransformerLayer layer : layers) {
            x = layer.forward(ps, new NDList(x), training).head();
        }
        x = finalNorm.forward(ps, new NDList(x), training).head();
        return new NDList(x.get(":, 0, :"), x.get(":, 1:, :"));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = patchEmbed.getOutputShapes(inputShapes)[0];
        return new Shape[] {new Shape(s.get(0), dim), new Shape(s.get(0), s.get(2) * s.get(3), dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        patchEmbed.initialize(manager, dataType, inputShapes[0]);
        Shape s = patchEmbed.getOutputShapes(inputShapes)[0];
        Shape x = new Shape(s.get(0), s.get(2) * s.get(3) + 1, dim);
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, x);
        }
        finalNorm.initialize(manager, dataType, x);
    }
}
