package org.medvl.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention (Vaswani et al. 2017) for self- and cross-attention, with a key padding
 * mask and an optional causal mask. Written as a block of its own because DJL's attention block has neither a
 * padding mask input nor cross-attention, which the text encoder and the report decoder need.
 *
 * <p>Inputs: query (B, Tq, D), keys/values (B, Tk, D), key mask (B, Tk) with 1 for tokens and 0 for padding
 * (optional: pass fewer inputs). Output: (B, Tq, D).
 */
public final class MultiHeadAttention extends AbstractBlock {
    private static final float NEG = -1e9f;
    private final int dim;
    private final int heads;
    private final boolean causal;
    private final float dropout;
    private final Linear query;
    private final Linear key;
    private final Linear value;
    private final Linear out;

    public MultiHeadAttention(int dim, int heads, boolean causal, float dropout) {
        if (dim % heads != 0) {
            throw new IllegalArgumentException("width " + dim + " is not divisible by " + heads + " heads");
        }
        this.dim = dim;
        this.heads = heads;
        this.causal = causal;
        this.dropout = dropout;
        this.query = addChildBlock("query", Linear.builder().setUnits(dim).build());
        this.key = addChildBlock("key", Linear.builder().setUnits(dim).build());
        this.value = addChildBlock("value", Linear.builder().setUnits(dim).build());
        this.out = addChildBlock("out", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray kv = inputs.size() > 1 ? inputs.get(1) : x;
        NDArray keyMask = inputs.size() > 2 ? inputs.get(2) : null;
        long b = x.getShape().get(0);
        long tq = x.getShape().get(1);
        long tk = kv.getShape().get(1);
        long hd = dim / heads;
        NDArray q = split(query.forward(ps, new NDList(x), training).head(), b, tq, hd);
        NDArray k = split(key.forward(ps, new NDList(kv), training).head(), b, tk, hd);
        NDArray v = split(value.forward(ps, new NDList(kv), training).head(), b, tk, hd);
        NDArray scores = Scalars.div(q.matMul(k.transpose(0, 1, 3, 2)), (float) Math.sqrt(hd));
        if (keyMask != null) {
            scores = scores.add(Scalars.mul(Scalars.add(keyMask.reshape(b, 1, 1, tk).neg(), 1f), NEG));
        }
        if (causal) {
            NDManager m = scores.getManager();
            NDArray rows = m.arange(0f, (float) tq).reshape(tq, 1);
            NDArray cols = m.arange(0f, (float) tk).reshape(1, tk);
            NDArray future = Scalars.mul(cols.gt(rows).toType(DataType.FLOAT32, false), NEG);
            scores = scores.add(future);
        }
        NDArray attn = scores.softmax(-1);
        if (dropout > 0) {
            attn = Dropout.dropout(attn, dropout, training).head();
        }
        NDArray ctx = attn.matMul(v).transpose(0, 2, 1, 3).reshape(b, tq, dim);
        return out.forward(ps, new NDList(ctx), training);
    }

    private NDArray split(NDArray t, long b, long len, long hd) {
        return t.reshape(b, len, heads, hd).transpose(0, 2, 1, 3);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape q = inputShapes[0];
        Shape kv = inputShapes.length > 1 ? inputShapes[1] : q;
        query.initialize(manager, dataType, q);
        key.initialize(manager, dataType, kv);
        value.initialize(manager, dataType, kv);
        out.initialize(manager, dataType, q);
    }
}
