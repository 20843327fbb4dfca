package org.medvl.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A ResNet-style CNN (He et al. 2016, basic residual blocks): a stride-2 stem, then four stages of widths
 * w, 2w, 4w, 8w, each halving the resolution. Outputs the global-average-pooled feature (B, 8w) and the final
 * feature map as tokens (B, H'W', 8w).
 */
public final class ResNetEncoder extends AbstractBlock implements ImageEncoder {
    private final int featureDim;
    private final SequentialBlock body = new SequentialBlock();

    /**
     * @param width          channels of the first stage
     * @param blocksPerStage residual blocks in each of the four stages
     */
    public ResNetEncoder(int width, int blocksPerStage) {
        body.add(conv(width, 3, 2)).add(BatchNorm.builder().build()).add(Activation.reluBlock());
        int channels = width;
        for (int stage = 0; stage < 4; stage++) {
            channels = width << stage;
            for (int b = 0; b < blocksPerStage; b++) {
                body.add(residual(channels, b == 0 ? 2 : 1,
                        b == 0));
            }
        }
        this.featureDim = channels;
        addChildBlock("body", body);
    }

    private static Block residual(int channels, int stride, boolean project) {
        SequentialBlock main = new SequentialBlock()
                .add(conv(channels, 3, stride)).add(BatchNorm.builder().build()).add(Activation.reluBlock())
                .add(conv(channels, 3, 1)).add(BatchNorm.builder().build());
        Block shortcut = project
                ? new SequentialBlock().add(conv(channels, 1, stride)).add(BatchNorm.builder().build())
                : Blocks.identityBlock();
        return new SequentialBlock()
                .add(new ParallelBlock(list -> new NDList(list.get(0).head().add(list.get(1).head())),
                        List.of(main, shortcut)))
                .add(Activation.reluBlock());
    }

    private static Conv2d conv(int filters, int kernel, int stride) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optStride(new Shape(stride, stride)).optPadding(new Shape(kernel / 2, kernel / 2))
                .optBias(false).build();
    }

    @Override
    public int featureDim() {
        return featureDim;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray map = body.forward(ps, new NDList(inputs.head()), training).head();
        Shape s = map.getShape();
        NDArray tokens = map.reshape(s.get(0), s.get(1), s.get(2) * s.get(3)).transpose(0, 2, 1);
        return new NDList(tokens.mean(new int[] {1}), tokens);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = body.getOutputShapes(inputShapes)[0];
        return new Shape[] {new Shape(s.get(0), s.get(1)), new Shape(s.get(0), s.get(2) * s.get(3), s.get(1))};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        body.initialize(manager, dataType, inputShapes[0]);
    }
}
