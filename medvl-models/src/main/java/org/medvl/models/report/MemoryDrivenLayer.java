package org.medvl.models.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.medvl.models.nn.MultiHeadAttention;

/**
 * One decoder layer of R2Gen (Chen et al., EMNLP 2020): causal self-attention, cross-attention to the image features
 * and a feed-forward block, each pre-normalised by a {@link ConditionalLayerNorm} driven by the relational memory,
 * with residual connections.
 *
 * <p>Inputs: x (B, T, D), image memory (B, M, D), its mask (B, M), relational memory states (B, T, S*D).
 */
public final class MemoryDrivenLayer extends AbstractBlock {
    private final float dropout;
    private final ConditionalLayerNorm normSelf;
    private final ConditionalLayerNorm normCross;
    private final ConditionalLayerNorm normFeedForward;
    private final MultiHeadAttention selfAttention;
    private final MultiHeadAttention crossAttention;
    private final Linear fc1;
    private final Linear fc2;

    public MemoryDrivenLayer(int dim, int heads, float dropout) {
        this.dropout = dropout;
        this.normSelf = addChildBlock("norm_self", new ConditionalLayerNorm(dim));
        this.selfAttention = addChildBlock("self_attention", new MultiHeadAttention(dim, heads, true, dropout));
        this.normCross = addChildBlock("norm_cross", new ConditionalLayerNorm(dim));
        this.crossAttention = addChildBlock("cross_attention", new MultiHeadAttention(dim, heads, false, dropout));
        this.normFeedForward = addChildBlock("norm_ff", new ConditionalLayerNorm(dim));
        this.fc1 = addChildBlock("fc1", Linear.builder().setUnits(4L * dim).build());
        this.fc2 = addChildBlock("fc2", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray memory = inputs.get(1);
        NDArray memoryMask = inputs.get(2);
        NDArray rm = inputs.get(3);
        NDArray h = normSelf.forward(ps, new NDList(x, rm), training).head();
        x = x.add(drop(selfAttention.forward(ps, new NDList(h, h), training).head(), training));
        h = normCross.forward(ps, new NDList(x, rm), training).head();
        x = x.add(drop(crossAttention.forward(ps, new NDList(h, memory, memoryMask), training).head(), training));
        h = normFeedForward.forward(ps, new NDList(x, rm), training).head();
        h = fc2.forward(ps, new NDList(Activation.relu(fc1.forward(ps, new NDList(h), training).head())), training)
                .head();
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
        Shape rm = inputShapes[3];
        for (ConditionalLayerNorm n : new ConditionalLayerNorm[] {normSelf, normCross, normFeedForward}) {
            n.initialize(manager, dataType, x, rm);
        }
        selfAttention.initialize(manager, dataType, x, x);
        crossAttention.initialize(manager, dataType, x, inputShapes[1]);
        fc1.initialize(manager, dataType, x);
        fc2.initialize(manager, dataType, x.slice(0, 2).add(4 * x.get(2)));
    }
}
