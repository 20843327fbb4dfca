package org.medvl.models.clip;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.models.checkpoint.Checkpoints;
import org.medvl.models.nn.ImageEncoder;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.train.ImageTensors;

/**
 * Starts another model's image encoder from the image encoder of a medvl CLIP checkpoint ({@code --init-from-clip}
 * of the report and VQA trainers). Refuses a checkpoint whose encoder or image preprocessing differs, naming both.
 */
public final class ClipEncoderTransfer {
    private ClipEncoderTransfer() {
    }

    /**
     * @param target the encoder to overwrite, built from {@code image} at {@code imageSize} with {@code channels}
     * @param images the target run's preprocessing, which must equal the CLIP checkpoint's
     * @param what   the target model's name for messages, e.g. "report model"
     */
    public static void copy(Path clipDir, ImageEncoder target, ImageEncoderConfig image, int imageSize, int channels,
                            ImageTensors images, NDManager manager, String what) {
        Checkpoints.require(clipDir, Checkpoints.CONFIG, Checkpoints.WEIGHTS, Checkpoints.PREPROCESS);
        ClipConfig clip = Checkpoints.json(clipDir, Checkpoints.CONFIG, ClipConfig.class);
        if (!clip.image().equals(image) || clip.imageSize() != imageSize || clip.channels() != channels) {
            throw new MedvlException(clipDir.resolve(Checkpoints.CONFIG) + ": the CLIP image encoder (" + clip.image()
                    + " at " + clip.channels() + "x" + clip.imageSize() + " px) differs from the " + what + "'s ("
                    + image + " at " + channels + "x" + imageSize
                    + " px): use the same --image-encoder, --image-width, --image-depth and --image-size");
        }
        if (!Checkpoints.tree(clipDir, Checkpoints.PREPROCESS).equals(images.describe())) {
            throw new MedvlException(clipDir.resolve(Checkpoints.PREPROCESS)
                    + ": the CLIP model preprocessed images differently from this " + what + ": "
                    + images.describe());
        }
        try (NDManager scope = manager.newSubManager()) {
            ClipCheckpoint ck = ClipCheckpoint.read(clipDir, scope);
            // Same block class and settings on both sides, so DJL's parameter stream carries the weights across.
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                ck.model().imageEncoder().saveParameters(out);
            }
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                target.loadParameters(manager, in);
            }
            for (var p : target.getParameters()) {
                if (p.getValue().requiresGradient()) {
                    p.getValue().getArray().setRequiresGradient(true);
                }
            }
        } catch (IOException | MalformedModelException e) {
            throw new MedvlException("cannot copy the image encoder of " + clipDir + ": " + e.getMessage(), e);
        }
    }
}
