package org.medvl.models.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (Loshchilov and Hutter 2019): Adam with bias correction and weight decay decoupled from the gradient, plus
 * clipping of the global gradient norm (Pascanu et al. 2013). Written here rather than using DJL's optimiser
 * because a resumed run must continue with exactly the same moment estimates, and DJL keeps those private with no
 * way to save or restore them; this class saves them with {@link #save} and restores them with {@link #load}.
 *
 * <p>Weight decay applies to matrices and convolution kernels only, not to biases, norms, embeddings or the logit
 * scale (as in CLIP and BERT).
 */
public final class AdamW implements AutoCloseable {
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private final float maxGradNorm;
    private final List<Pair<String, Parameter>> params = new ArrayList<>();
    private final Map<String, NDArray> firstMoment = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoment = new LinkedHashMap<>();
    private final NDManager manager;
    private long steps;

    /**
     * @param maxGradNorm clip the global gradient L2 norm to this; 0 or less to disable
     */
    public AdamW(Block block, NDManager manager, float beta1, float beta2, float eps, float weightDecay,
                 float maxGradNorm) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        this.maxGradNorm = maxGradNorm;
        this.manager = manager.newSubManager();
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                params.add(p);
                NDArray w = p.getValue().getArray();
                firstMoment.put(p.getKey(), this.manager.zeros(w.getShape(), w.getDataType()));
                secondMoment.put(p.getKey(), this.manager.zeros(w.getShape(), w.getDataType()));
            }
        }
    }

    /** The usual defaults: betas (0.9, 0.98) as in CLIP, eps 1e-6. */
    public static AdamW of(Block block, NDManager manager, float weightDecay, float maxGradNorm) {
        return new AdamW(block, manager, 0.9f, 0.98f, 1e-6f, weightDecay, maxGradNorm);
    }

    public long steps() {
        return steps;
    }

    /**
     * Applies one update with the gradients left by backward, then zeroes them.
     *
     * @return the global gradient norm before clipping
     */
    public float step(float learningRate) {
        steps++;
        float norm = globalNorm();
        if (!Float.isFinite(norm)) {
            throw new org.medvl.core.MedvlException("training diverged: the gradient norm is " + norm + " at step "
                    + steps + "; lower the learning rate or raise warm-up");
        }
        float clip = maxGradNorm > 0 && norm > maxGradNorm ? maxGradNorm / (norm + 1e-6f) : 1f;
        float c1 = (float) (1 - Math.pow(beta1, steps));
        float c2 = (float) (1 - Math.pow(beta2, steps));
        for (Pair<String, Parameter> p : params) {
            NDArray w = p.getValue().getArray();
            NDArray g = w.getGradient();
            NDArray m = firstMoment.get(p.getKey());
            NDArray v = secondMoment.get(p.getKey());
            // Every intermediate lands in the scope and is freed with it; the state arrays return to their managers.
            try (NDManager scope = manager.newSubManager()) {
                g.attach(scope);
                m.tempAttach(scope);
                v.tempAttach(scope);
                w.tempAttach(scope);
                NDArray gc = clip == 1f ? g : g.mul(clip);
                m.muli(beta1).addi(gc.mul(1 - beta1));
                v.muli(beta2).addi(gc.square().mul(1 - beta2));
                NDArray update = m.div(c1).div(v.div(c2).sqrt().add(eps));
                if (weightDecay > 0 && decays(p.getValue())) {
                    update = update.add(w.mul(weightDecay));
                }
                w.subi(update.mul(learningRate));
                g.subi(g); // zero for the next backward: DJL's collector only zeroes arrays of its system manager
            }
        }
        return norm;
    }

    private static boolean decays(Parameter p) {
        return p.getType() == Parameter.Type.WEIGHT && p.getArray().getShape().dimension() >= 2;
    }

    private float globalNorm() {
        double sum = 0;
        for (Pair<String, Parameter> p : params) {
            try (NDManager scope = manager.newSubManager()) {
                NDArray g = p.getValue().getArray().getGradient();
                g.attach(scope);
                sum += g.square().sum().getFloat();
            }
        }
        return (float) Math.sqrt(sum);
    }

    /** Writes the step count and both moment estimates of every parameter, exactly. */
    public void save(OutputStream out) throws IOException {
        NDList list = new NDList();
        NDArray count = manager.create(new long[] {steps});
        count.setName("steps");
        list.add(count);
        for (Pair<String, Parameter> p : params) {
            NDArray m = firstMoment.get(p.getKey());
            m.setName("m:" + p.getKey());
            NDArray v = secondMoment.get(p.getKey());
            v.setName("v:" + p.getKey());
            list.add(m);
            list.add(v);
        }
        list.encode(out);
        count.close();
    }

    /** Restores what {@link #save} wrote; the parameter set must be the same. */
    public void load(InputStream in) throws IOException, MalformedModelException {
        NDList list = NDList.decode(manager, in);
        if (list.size() != 1 + 2 * params.size()) {
            throw new MalformedModelException("optimizer state holds " + (list.size() - 1) / 2
                    + " parameters, the model has " + params.size());
        }
        steps = list.get(0).toLongArray()[0];
        for (int i = 0; i < params.size(); i++) {
            String name = params.get(i).getKey();
            NDArray m = list.get(1 + 2 * i);
            NDArray v = list.get(2 + 2 * i);
            if (!m.getShape().equals(firstMoment.get(name).getShape())) {
                throw new MalformedModelException("optimizer state for " + name + " has shape " + m.getShape());
            }
            firstMoment.put(name, m).close();
            secondMoment.put(name, v).close();
        }
        list.get(0).close();
    }

    @Override
    public void close() {
        manager.close();
    }
}
