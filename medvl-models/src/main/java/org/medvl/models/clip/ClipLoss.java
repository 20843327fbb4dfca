package org.medvl.models.clip;

import ai.djl.ndarray.NDArray;
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

    private static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }
}
