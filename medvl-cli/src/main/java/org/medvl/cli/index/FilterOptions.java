package org.medvl.cli.index;

import java.util.ArrayList;
import java.util.List;
import org.medvl.index.SimilarCaseQuery;
import picocli.CommandLine.Option;

/** Result filters shared by the index commands. */
public final class FilterOptions {
    @Option(names = "--modality", paramLabel = "M", split = ",",
            description = "Only these modalities (case-insensitive), e.g. CT,MR.")
    List<String> modalities = new ArrayList<>();

    @Option(names = "--body-part", paramLabel = "PART",
            description = "Only this body part / location (case-insensitive, repeatable), e.g. \"Chest, Pulmonary\".")
    List<String> bodyParts = new ArrayList<>();

    @Option(names = "--split", paramLabel = "SPLIT", split = ",",
            description = "Only cases of these splits: train, validation (val, dev), test, unsplit.")
    List<String> splits = new ArrayList<>();

    void applyTo(SimilarCaseQuery.Builder b) {
        b.modality(modalities.toArray(String[]::new)).bodyPart(bodyParts.toArray(String[]::new))
                .split(splits.toArray(String[]::new));
    }
}
