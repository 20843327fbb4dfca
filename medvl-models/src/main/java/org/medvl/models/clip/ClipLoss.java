package org.medvl.models.clip;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medvl.models.nn.Scalars;

/**
 * The symmetric InfoNCE loss of CLIP (Radford et al. 2021) and ConVIRT (Zhang et al. 2020), after van den Oord et
 * al. 2018: cross-entropy of each image against all texts in the batch and of each text against all images, with
 * the matching pair as the target, averaged over both directions.
 */
public final class ClipLoss {
    private ClipLoss() {
    }

    /**
     * @param images     L2-normalised image embeddings (B, E)
     * @param texts      L2-normalised text embeddings (B, E), row i matching image i
     * @param logitScale log of the inverse temperature, shape (1)
     * @return the scalar loss
     */
    public static NDArray symmetricInfoNce(NDArray images, NDArray texts, NDArray logitScale) {
        NDArray scale = logitScale.exp();
        NDArray logits = images.matMul(texts.transpose()).mul(scale);
        // Cross-entropy with the diagonal as target: logsumexp over candidates minus the matching logit.
        NDArray positive = images.mul(texts).sum(new int[] {1}).mul(scale);
        NDArray imageToText = logSumExp(logits, 1).sub(positive).mean();
        NDArray textToImage = logSumExp(logits, 0).sub(positive).mean();
        return Scalars.div(imageToText.add(textToImage), 2f);
    }

    /**
     * InfoNCE with several matches per row (the multi-positive form of UniCL, Yang et al. 2022): row i's target is
     * spread evenly over the texts identical to text i, so two images of one case that share a caption, or many
     * images trained with the same short text ("CT Axial."), are not pushed apart as negatives.
     *
     * @param targets (B, B) from {@link #identicalTextTargets}: symmetric, each row and column sums to 1
     */
    public static NDArray symmetricInfoNce(NDArray images, NDArray texts, NDArray logitScale, NDArray targets) {
        NDArray logits = images.matMul(texts.transpose()).mul(logitScale.exp());
        NDArray weighted = logits.mul(targets);
        NDArray imageToText = logSumExp(logits, 1).sub(weighted.sum(new int[] {1})).mean();
        NDArray textToImage = logSumExp(logits, 0).sub(weighted.sum(new int[] {0})).mean();
        return Scalars.div(imageToText.add(textToImage), 2f);
    }

    /**
     * The (B, B) targets, row-major, with 1 / (copies of text i) wherever texts i and j are equal; null when the
     * batch's texts are all different (then the plain loss is the same thing).
     */
    public static float[] identicalTextTargets(List<String> texts) {
        int b = texts.size();
        Map<String, Integer> copies = new HashMap<>();
        texts.forEach(t -> copies.merge(t, 1, Integer::sum));
        if (copies.size() == b) {
            return null;
        }
        float[] targets = new float[b * b];
        for (int i = 0; i < b; i++) {
            float w = 1f / copies.get(texts.get(i));
            for (int j = 0; j < b; j++) {
                if (texts.get(i).equals(texts.get(j))) {
                    targets[i * b + j] = w;
                }
            }
        }
        return targets;
    }

    private static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }
}
