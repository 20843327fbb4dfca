package org.medvl.data.format;

import java.nio.file.Path;
import org.medvl.data.LoadContext;

/** Where a dataset's images live when the authors' archives unpack under different folder names. */
final class ImageDirs {
    private ImageDirs() {
    }

    /** The first existing folder of the candidates, else the first candidate (images then report as missing). */
    static Path first(LoadContext ctx, String... candidates) {
        Path p = ctx.firstExisting(candidates);
        return p != null ? p : ctx.file(candidates[0]);
    }
}
