package org.medvl.data;

import java.nio.file.Files;
import org.medvl.core.MedvlException;

/** Opens datasets from {@code NAME:PATH[#split]} specs. */
public final class Datasets {
    private Datasets() {
    }

    /** Parses and opens a spec, skipping bad records (see {@link Dataset#problems()}). */
    public static Dataset open(String spec) {
        return open(DatasetSpec.parse(spec), LoadOptions.LENIENT);
    }

    public static Dataset open(DatasetSpec spec) {
        return open(spec, LoadOptions.LENIENT);
    }

    /** Opens a dataset; fails with a {@link MedvlException} when the path is absent or medvl cannot load the name. */
    public static Dataset open(DatasetSpec spec, LoadOptions options) {
        DatasetInfo info = DatasetRegistry.require(spec.name());
        if (!info.loadable()) {
            throw new MedvlException("medvl lists " + info.title() + " but cannot load it yet");
        }
        if (!Files.exists(spec.path())) {
            throw new MedvlException("dataset path not found: " + spec.path() + " (from --dataset " + spec + ")");
        }
        return info.loader().open(new LoadContext(spec, new ProblemLog(options.strict())));
    }
}
