package org.medvl.models.clip;

import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.models.onnx.OnnxClipEncoder;

/** Opens a model directory as a {@link ClipEncoder}: a medvl checkpoint (DJL), an ONNX export, or an ensemble. */
public final class ClipEncoders {
    private ClipEncoders() {
    }

    public static ClipEncoder open(Path dir) {
        return open(dir, 1);
    }

    /**
     * Opens {@code dir} embedding each image as the mean of {@code imageViews} views (the image and augmentations
     * like the training ones; see {@link DjlClipEncoder#imageViews}); more than one needs medvl checkpoints.
     */
    public static ClipEncoder open(Path dir, int imageViews) {
        if (imageViews < 1) {
            throw new MedvlException("image views must be >= 1, got " + imageViews);
        }
        if (OnnxClipEncoder.isExport(dir)) {
            if (imageViews > 1) {
                throw new MedvlException(dir + ": an ONNX export embeds each image once; averaging over image views "
                        + "needs a medvl checkpoint, which knows its training augmentation");
            }
            return OnnxClipEncoder.open(dir);
        }
        if (ClipEnsemble.isEnsemble(dir)) {
            return EnsembleClipEncoder.open(dir, imageViews);
        }
        return DjlClipEncoder.load(dir, 32).imageViews(imageViews);
    }
}
