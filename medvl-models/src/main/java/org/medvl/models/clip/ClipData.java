package org.medvl.models.clip;

import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.core.record.ImageTextPair;
import org.medvl.data.Dataset;
import org.medvl.data.Datasets;

/** Loads the image-text pairs of a dataset spec ({@code NAME:PATH#split}) as CLIP examples. */
public final class ClipData {
    private ClipData() {
    }

    /** @param limit at most this many examples (in dataset order), 0 for all */
    public static List<ClipExample> load(String spec, int limit) {
        Dataset ds = Datasets.open(spec);
        List<ClipExample> out;
        try (Stream<ImageTextPair> pairs = ds.pairs()) {
            Stream<ImageTextPair> s = pairs.filter(p -> !p.text().isBlank());
            out = (limit > 0 ? s.limit(limit) : s).map(ClipExample::of).toList();
        }
        if (out.isEmpty()) {
            throw new MedvlException("dataset " + spec + " has no image-text pairs"
                    + (ds.problemCount() > 0 ? " (" + ds.problemCount() + " problems, first: " + ds.problems().get(0)
                    + ")" : ""));
        }
        return out;
    }
}
