package org.medvl.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A pre-norm Transformer layer (Vaswani et al. 2017; pre-LN placement as in GPT-2 and ViT, which trains stably
 * without learning-rate tricks): self-attention, optional cross-attention to a memory (for decoders), and a GELU MLP,
 * each with a residual connection.
 *
 * <p>Inputs: x (B, T, D), x mask (B, T) or an empty-shaped placeholder, and for cross-attention layers the memory
 * (B, M, D) and its mask (B, M). Output: (B, T, D).
 */
public final class TransformerLayer extends AbstractBlock {
    private final float dropout;
    private final boolean cross;
    private final LayerNorm norm1 = LayerNorm.builder().axis(2).build();
    private final LayerNorm norm2 = LayerNorm.builder().axis(2).build();
    private final LayerNorm normCross;
    private final MultiHeadAttention selfAttention;
    private final MultiHeadAttention crossAttention;
    private final Linear fc1;
    private final Linear fc2;

    /**
     * @param causal whether each position attends only to itself and earlier ones (decoders)
     * @param cross  whether the layer also attends to a memory (encoder-decoder models)
     */
    public TransformerLayer(int dim, int heads, int mlpDim, float dropout, boolean causal, boolean cross) {
        this.dropout = dropout;
        this.cross = cross;
        addChildBlock("norm1", norm1);
        this.selfAttention = addChildBlock("self_attention", new MultiHeadAttention(dim, heads, causal, dropout));
        if (cross) {
            this.normCross = addChildBlock("norm_cross", LayerNorm.builder().axis(2).build());
            this.crossAttention = addChildBlock("cross_attention", new MultiHeadAttention(dim, heads, false, dropout));
        } else {
            this.normCross = null;
            this.crossAttention = null;
        }
        addChildBlock("norm2", norm2);
        this.fc1 = addChildBlock("fc1", Linear.builder().setUnits(mlpDim).build());
        this.fc2 = addChildBlock("fc2", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray mask = inputs.size() > 1 && inputs.get(1).getShape().dimension() == 2 ? inputs.get(1) : null;
        NDArray h = norm1.forward(ps, new NDList(x), training).head();
        NDList selfIn = mask == null ? new NDList(h, h) : new NDList(h, h, mask);
        x = x.add(drop(selfAttention.forward(ps, selfIn, training).head(), training));
        if (cross) {
            NDArray memory = inputs.get(2);
            NDArray memoryMask = inputs.size() > 3 ? inputs.get(3) : null;
            h = normCross.forward(ps, new NDList(x), training).head();
            NDList crossIn = memoryMask == null ? new NDList(h, memory) : new NDList(h, memory, memoryMask);
            x = x.add(drop(crossAttention.forward(ps, crossIn, training).head(), training));
        }
        h = norm2.forward(ps, new NDList(x), training).head();
        h = fc1.forward(ps, new NDList(h), training).head();
        h = fc2.forward(ps, new NDList(Activation.gelu(h)), training).head();
        return new NDList(x.add(drop(h, training)));
    }

    private NDArray drop(NDArray a, boolean training) {
        return dropout > 0 ? Dropout.dropout(a, dropout, training).head() : a;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        norm1.initialize(manager, dataType, x);
        selfAttention.initialize(manager, dataType, x, x);
        if (cross) {
            normCross.initialize(manager, dataType, x);
            crossAttention.initialize(manager, dataType, x, inputShapes[2]);
        }
        norm2.initialize(manager, dataType, x);
        fc1.initialize(manager, dataType, x);
        Shape hidden = x.slice(0, x.dimension() - 1).add(fc1.getOutputShapes(new Shape[] {x})[0].tail());
        fc2.initialize(manager, dataType, hidden);
    }
}
