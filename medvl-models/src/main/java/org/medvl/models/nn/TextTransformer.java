package org.medvl.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * A Transformer text encoder: token and learned position embeddings, pre-norm layers, a final layer norm.
 *
 * <p>Inputs: token ids (B, T) int64 and mask (B, T) float. Outputs: the pooled text feature (B, D) — the mean of the
 * unpadded token states — and the token states (B, T, D) for models that attend to text.
 */
public final class TextTransformer extends AbstractBlock {
    private final int dim;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm = LayerNorm.builder().axis(2).build();

    public TextTransformer(int vocabSize, int maxLength, int dim, int depth, int heads, float dropout) {
        this.dim = dim;
        this.tokenEmbedding = addParameter(Parameter.builder().setName("token_embedding")
                .setType(Parameter.Type.OTHER).optShape(new Shape(vocabSize, dim))
                .optInitializer(new NormalInitializer(0.02f)).build());
        this.positionEmbedding = addParameter(Parameter.builder().setName("position_embedding")
                .setType(Parameter.Type.OTHER).optShape(new Shape(maxLength, dim))
                .optInitializer(new NormalInitializer(0.01f)).build());
        for (int i = 0; i < depth; i++) {
            layers.add(addChildBlock("layer" + i, new TransformerLayer(dim, heads, 4 * dim, dropout, false, false)));
        }
        addChildBlock("final_norm", finalNorm);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        long t = ids.getShape().get(1);
        NDArray table = ps.getValue(tokenEmbedding, ids.getDevice(), training);
        NDArray pos = ps.getValue(positionEmbedding, ids.getDevice(), training);
        NDArray x = Embedding.embedding(ids, table, SparseFormat.DENSE).head();
        x = x.add(pos.get("0:" + t).expandDims(0));
        for (TransformerLayer layer : layers) {
            x = layer.forward(ps, new NDList(x, mask), training).head();
        }
        x = finalNorm.forward(ps, new NDList(x), training).head();
        NDArray m = mask.expandDims(-1);
        NDArray pooled = x.mul(m).sum(new int[] {1}).div(Scalars.maximum(m.sum(new int[] {1}), 1f));
        return new NDList(pooled, x);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), dim), new Shape(ids.get(0), ids.get(1), dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), dim);
        for (TransformerLayer layer : layers) {
            layer.initialize(manager, dataType, x, inputShapes[1]);
        }
        finalNorm.initialize(manager, dataType, x);
    }
}
