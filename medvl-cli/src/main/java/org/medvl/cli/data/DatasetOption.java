package org.medvl.cli.data;

import org.medvl.data.Dataset;
import org.medvl.data.DatasetSpec;
import org.medvl.data.Datasets;
import org.medvl.data.LoadOptions;
import picocli.CommandLine.Option;

/** The {@code --dataset NAME:PATH[#split]} and {@code --strict} options shared by the data commands. */
public final class DatasetOption {
    @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME:PATH[#split]",
            description = "Dataset as NAME:PATH, optionally #train, #validation (#val, #dev) or #test; e.g. "
                    + "vqa-rad:../shared/data/vqa-rad#test or manifest:out/manifest.jsonl. 'medvl data list' shows names.")
    String spec;

    @Option(names = "--strict", description = "Stop at the first malformed record instead of skipping and reporting it.")
    boolean strict;

    /** Whether --strict was given. */
    public boolean strict() {
        return strict;
    }

    public DatasetSpec parsed() {
        return DatasetSpec.parse(spec);
    }

    public Dataset open() {
        return Datasets.open(parsed(), new LoadOptions(strict));
    }
}
