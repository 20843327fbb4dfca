package org.medvl.models.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;
import org.medvl.models.nn.Scalars;

/**
 * R2Gen's memory-driven conditional layer normalisation (MCLN; Chen et al., EMNLP 2020, section 2.3): a layer norm
 * whose scale and shift are the learned gamma and beta plus MLP projections of the relational memory at the same
 * position, so the memory steers every decoder sublayer.
 *
 * <p>Inputs: x (B, T, D), memory states (B, T, M). Output: (B, T, D).
 */
public final class ConditionalLayerNorm extends AbstractBlock {
    private final Parameter gamma;
    private final Parameter beta;
    private final Linear gamma1;
    private final Linear gamma2;
    private final Linear beta1;
    private final Linear beta2;

    public ConditionalLayerNorm(int dim) {
        this.gamma = addParameter(Parameter.builder().setName("gamma").setType(Parameter.Type.OTHER)
                .optShape(new Shape(dim)).optInitializer(new ConstantInitializer(1f)).build());
        this.beta = addParameter(Parameter.builder().setName("beta").setType(Parameter.Type.OTHER)
                .optShape(new Shape(dim)).optInitializer(new ConstantInitializer(0f)).build());
        this.gamma1 = addChildBlock("gamma_mlp1", Linear.builder().setUnits(dim).build());
        this.gamma2 = addChildBlock("gamma_mlp2", Linear.builder().setUnits(dim).build());
        this.beta1 = addChildBlock("beta_mlp1", Linear.builder().setUnits(dim).build());
        this.beta2 = addChildBlock("beta_mlp2", Linear.builder().setUnits(dim).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray memory = inputs.get(1);
        NDArray mean = x.mean(new int[] {-1}, true);
        NDArray centred = x.sub(mean);
        NDArray normed = centred.div(Scalars.add(centred.square().mean(new int[] {-1}, true), 1e-5f).sqrt());
        NDArray g = ps.getValue(gamma, x.getDevice(), training).add(mlp(ps, gamma1, gamma2, memory, training));
        NDArray b = ps.getValue(beta, x.getDevice(), training).add(mlp(ps, beta1, beta2, memory, training));
        return new NDList(normed.mul(g).add(b));
    }

    private static NDArray mlp(ParameterStore ps, Linear a, Linear b, NDArray m, boolean training) {
        NDArray h = Activation.relu(a.forward(ps, new NDList(m), training).head());
        return b.forward(ps, new NDList(h), training).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape m = inputShapes[1];
        Shape d = inputShapes[0];
        gamma1.initialize(manager, dataType, m);
        beta1.initialize(manager, dataType, m);
        gamma2.initialize(manager, dataType, d);
        beta2.initialize(manager, dataType, d);
    }
}
