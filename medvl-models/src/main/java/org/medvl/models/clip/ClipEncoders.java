package org.medvl.models.clip;

import java.nio.file.Path;
import org.medvl.models.onnx.OnnxClipEncoder;

/** Opens a model directory as a {@link ClipEncoder}: a medvl checkpoint (DJL) or an ONNX export. */
public final class ClipEncoders {
    private ClipEncoders() {
    }

    public static ClipEncoder open(Path dir) {
        if (OnnxClipEncoder.isExport(dir)) {
            return OnnxClipEncoder.open(dir);
        }
        return DjlClipEncoder.load(dir, 32);
    }
}
