package org.medvl.core.record;

import java.util.List;
import java.util.Objects;

/**
 * The records of one split of one dataset.
 *
 * @param dataset the registry name, e.g. "vqa-rad"
 * @param split   the split
 * @param records the records in dataset order
 * @param <T>     ImageTextPair, ReportStudy or VqaItem
 */
public record DatasetSplit<T>(String dataset, Split split, List<T> records) {
    public DatasetSplit {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(split, "split");
        records = List.copyOf(records);
    }

    public int size() {
        return records.size();
    }
}
