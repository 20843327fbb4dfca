package org.medvl.models.report;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.medvl.models.nn.ImageEncoder;
import org.medvl.models.nn.TransformerLayer;

/**
 * The report-generation encoder-decoder. The image encoder turns every image of a study into grid features, which
 * are projected to the decoder width and given a learned grid-position and a learned view (image-slot) embedding;
 * the grids of all images of the study are then concatenated into one memory the decoder cross-attends to, with
 * padded image slots masked out. Concatenation rather than mean-pooling keeps what each view or slice shows apart
 * (a finding seen on one view only is not averaged away) and lets attention pick the view per word, as R2Gen does
 * with the two IU X-ray views. The decoder is a causal Transformer ({@code transformer}) or R2Gen's memory-driven
 * variant ({@code r2gen}: {@link RelationalMemory} + {@link MemoryDrivenLayer}).
 *
 * <p>Inputs: images (B*V, C, H, W) study-major, image mask (B, V) with 1 for real images, token ids (B, T) int64
 * starting with the start token. Output: next-token logits (B, T, vocabulary).
 */
public final class ReportNetwork extends AbstractBlock {
    private final ReportConfig config;
    private final ImageEncoder imageEncoder;
    private final Linear visualProjection;
    private final LayerNorm visualNorm = LayerNorm.builder().axis(2).build();
    private final Parameter gridPosition;
    private final Parameter viewEmbedding;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final List<MemoryDrivenLayer> memoryLayers = new ArrayList<>();
    private final RelationalMemory relationalMemory;
    private final LayerNorm finalNorm = LayerNorm.builder().axis(2).build();
    private final Linear output;

    public ReportNetwork(ReportConfig config) {
        if (config.vocabSize() <= 0) {
            throw new IllegalArgumentException("the config has no vocabulary size");
        }
        this.config = config;
        int d = config.width();
        this.imageEncoder = addChildBlock("image_encoder", config.image().build(config.imageSize()));
        this.visualProjection = addChildBlock("visual_projection", Linear.builder().setUnits(d).build());
        addChildBlock("visual_norm", visualNorm);
        this.gridPosition = param("grid_position", new Shape(config.gridTokens(), d));
        this.viewEmbedding = param("view_embedding", new Shape(config.maxImages(), d));
        this.tokenEmbedding = param("token_embedding", new Shape(config.vocabSize(), d));
        this.positionEmbedding = param("position_embedding", new Shape(config.maxLength() + 1, d));
        if (config.r2gen()) {
            this.relationalMemory = addChildBlock("relational_memory",
                    new RelationalMemory(config.memorySlots(), d, config.heads()));
            for (int i = 0; i < config.layers(); i++) {
                memoryLayers.add(addChildBlock("layer" + i, new MemoryDrivenLayer(d, config.heads(),
                        config.dropout())));
            }
        } else {
            this.relationalMemory = null;
            for (int i = 0; i < config.layers(); i++) {
                layers.add(addChildBlock("layer" + i, new TransformerLayer(d, config.heads(), 4 * d,
                        config.dropout(), true, true)));
            }
        }
        addChildBlock("final_norm", finalNorm);
        this.output = addChildBlock("output", Linear.builder().setUnits(config.vocabSize()).build());
    }

    private Parameter param(String name, Shape shape) {
        return addParameter(Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(shape)
                .optInitializer(new NormalInitializer(0.02f)).build());
    }

    public ReportConfig config() {
        return config;
    }

    public ImageEncoder imageEncoder() {
        return imageEncoder;
    }

    /** Initialises every parameter for this configuration's input sizes. */
    public void initialize(NDManager manager) {
        int s = config.imageSize();
        initialize(manager, DataType.FLOAT32, new Shape(2, config.channels(), s, s), new Shape(1, 2),
                new Shape(1, config.maxLength() + 1));
    }

    /** The study memory (B, V*N, D) and its mask (B, V*N) from images (B*V, C, H, W) and image mask (B, V). */
    public NDList encode(ParameterStore ps, NDArray images, NDArray imageMask, boolean training) {
        long b = imageMask.getShape().get(0);
        long v = imageMask.getShape().get(1);
        NDArray grid = imageEncoder.forward(ps, new NDList(images), training).get(1);
        long n = grid.getShape().get(1);
        NDArray x = visualProjection.forward(ps, new NDList(grid), training).head()
                .add(ps.getValue(gridPosition, images.getDevice(), training).expandDims(0));
        NDArray views = ps.getValue(viewEmbedding, images.getDevice(), training).get("0:" + v);
        x = x.reshape(b, v, n, config.width()).add(views.reshape(1, v, 1, config.width()))
                .reshape(b, v * n, config.width());
        x = visualNorm.forward(ps, new NDList(x), training).head();
        NDArray mask = imageMask.expandDims(2).repeat(2, n).reshape(b, v * n);
        return new NDList(x, mask);
    }

    /** Next-token logits (B, T, vocabulary) for tokens (B, T) given the study memory. */
    public NDArray logits(ParameterStore ps, NDArray tokens, NDArray memory, NDArray memoryMask, boolean training) {
        long t = tokens.getShape().get(1);
        NDArray table = ps.getValue(tokenEmbedding, tokens.getDevice(), training);
        NDArray pos = ps.getValue(positionEmbedding, tokens.getDevice(), training);
        NDArray x = Embedding.embedding(tokens, table, SparseFormat.DENSE).head()
                .add(pos.get("0:" + t).expandDims(0));
        if (config.r2gen()) {
            NDArray rm = relationalMemory.forward(ps, new NDList(x), training).head();
            for (MemoryDrivenLayer layer : memoryLayers) {
                x = layer.forward(ps, new NDList(x, memory, memoryMask, rm), training).head();
            }
        } else {
            // Causal self-attention needs no padding mask: padding only follows real tokens and is not scored.
            NDArray noMask = x.getManager().zeros(new Shape(1));
            for (TransformerLayer layer : layers) {
                x = layer.forward(ps, new NDList(x, noMask, memory, memoryMask), training).head();
            }
        }
        x = finalNorm.forward(ps, new NDList(x), training).head();
        return output.forward(ps, new NDList(x), training).head();
    }

    /**
     * Teacher-forced mean token cross-entropy (label smoothing {@code eps}) of {@code texts} continuing
     * {@code prefixes} (token ids without start or end token), scored on the texts and their end tokens only, for
     * studies of one image each: images (B, C, H, W).
     */
    public NDArray continuationLoss(ParameterStore ps, NDArray images, List<int[]> prefixes, List<int[]> texts,
                                    float eps, boolean training) {
        NDManager m = images.getManager();
        NDList tok = StudyBatch.tokens(m, prefixes, texts);
        NDArray imageMask = m.ones(new Shape(images.getShape().get(0), 1));
        NDArray logits = forward(ps, new NDList(images, imageMask, tok.get(0)), training).head();
        return ReportTrainer.tokenLoss(logits, tok.get(1), tok.get(2), eps);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList memory = encode(ps, inputs.get(0), inputs.get(1), training);
        return new NDList(logits(ps, inputs.get(2), memory.get(0), memory.get(1), training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape tokens = inputShapes[2];
        return new Shape[] {new Shape(tokens.get(0), tokens.get(1), config.vocabSize())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape images = inputShapes[0];
        long b = inputShapes[1].get(0);
        long v = inputShapes[1].get(1);
        long t = inputShapes[2].get(1);
        int d = config.width();
        imageEncoder.initialize(manager, dataType, images);
        Shape grid = imageEncoder.getOutputShapes(new Shape[] {images})[1];
        if (grid.get(1) != config.gridTokens()) {
            throw new IllegalStateException("the image encoder gives " + grid.get(1) + " grid tokens, expected "
                    + config.gridTokens());
        }
        visualProjection.initialize(manager, dataType, grid);
        Shape memory = new Shape(b, v * grid.get(1), d);
        Shape memoryMask = new Shape(b, v * grid.get(1));
        visualNorm.initialize(manager, dataType, memory);
        Shape x = new Shape(b, t, d);
        if (config.r2gen()) {
            relationalMemory.initialize(manager, dataType, x);
            Shape rm = new Shape(b, t, relationalMemory.memoryWidth());
            for (MemoryDrivenLayer layer : memoryLayers) {
                layer.initialize(manager, dataType, x, memory, memoryMask, rm);
            }
        } else {
            for (TransformerLayer layer : layers) {
                layer.initialize(manager, dataType, x, new Shape(1), memory, memoryMask);
            }
        }
        finalNorm.initialize(manager, dataType, x);
        output.initialize(manager, dataType, x);
    }
}
