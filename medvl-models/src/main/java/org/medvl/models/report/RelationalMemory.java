package org.medvl.models.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.medvl.models.nn.MultiHeadAttention;

/**
 * The relational memory of R2Gen (Chen et al., "Generating Radiology Reports via Memory-driven Transformer", EMNLP
 * 2020, section 2.2): a matrix of {@code slots} rows carried along the report. At each position the memory attends
 * to itself and the current token embedding (queries: memory; keys and values: memory plus token), adds an MLP, and
 * is updated through LSTM-like input and forget gates computed from the token and tanh(previous memory). It starts
 * as the identity matrix padded with zeros to the width, as in the paper's code.
 *
 * <p>Input: token embeddings (B, T, D). Output: the memory after each position, flattened: (B, T, slots*D), which
 * conditions the layer norms of {@link MemoryDrivenLayer}.
 */
public final class RelationalMemory extends AbstractBlock {
    private final int slots;
    private final int dim;
    private final MultiHeadAttention attention;
    private final Linear mlp1;
    private final Linear mlp2;
    private final Linear inputGates;
    private final Linear memoryGates;

    public RelationalMemory(int slots, int dim, int heads) {
        this.slots = slots;
        this.dim = dim;
        this.attention = addChildBlock("attention", new MultiHeadAttention(dim, heads, false, 0f));
        this.mlp1 = addChildBlock("mlp1", Linear.builder().setUnits(dim).build());
        this.mlp2 = addChildBlock("mlp2", Linear.builder().setUnits(dim).build());
        this.inputGates = addChildBlock("input_gates", Linear.builder().setUnits(2L * dim).build());
        this.memoryGates = addChildBlock("memory_gates", Linear.builder().setUnits(2L * dim).build());
    }

    public int memoryWidth() {
        return slots * dim;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.head();
        long b = x.getShape().get(0);
        long t = x.getShape().get(1);
        NDManager m = x.getManager();
        NDArray memory = m.eye(slots, dim, 0, DataType.FLOAT32).expandDims(0).repeat(0, b);
        List<NDArray> states = new ArrayList<>();
        for (int i = 0; i < t; i++) {
            memory = step(ps, memory, x.get(":, " + i + ", :"), training);
            states.add(memory.reshape(b, (long) slots * dim));
        }
        return new NDList(NDArrays.stack(new NDList(states), 1));
    }

    private NDArray step(ParameterStore ps, NDArray memory, NDArray token, boolean training) {
        NDArray kv = NDArrays.concat(new NDList(memory, token.expandDims(1)), 1);
        NDArray next = memory.add(attention.forward(ps, new NDList(memory, kv), training).head());
        NDArray h = Activation.relu(mlp1.forward(ps, new NDList(next), training).head());
        next = next.add(mlp2.forward(ps, new NDList(h), training).head());
        NDArray gates = inputGates.forward(ps, new NDList(token), training).head().expandDims(1)
                .add(memoryGates.forward(ps, new NDList(memory.tanh()), training).head());
        NDList split = gates.split(2, 2);
        NDArray input = Activation.sigmoid(split.get(0));
        NDArray forget = Activation.sigmoid(split.get(1));
        return input.mul(next.tanh()).add(forget.mul(memory));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), x.get(1), (long) slots * dim)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long b = inputShapes[0].get(0);
        Shape mem = new Shape(b, slots, dim);
        attention.initialize(manager, dataType, mem, new Shape(b, slots + 1, dim));
        mlp1.initialize(manager, dataType, mem);
        mlp2.initialize(manager, dataType, mem);
        inputGates.initialize(manager, dataType, new Shape(b, dim));
        memoryGates.initialize(manager, dataType, mem);
    }
}
