package org.medvl.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;

/**
 * One opened dataset. Each stream re-reads the dataset's files in dataset order and yields only the records of the
 * spec's split when one was given; a kind of record the dataset does not have gives an empty stream. Streams that read
 * files hold them open until exhausted or closed: use try-with-resources when you may stop early.
 *
 * <p>Image paths in records are absolute, so callers can open them directly. Records the loader cannot read
 * (bad JSON line, missing column, image path escaping the dataset root) are skipped and listed in {@link #problems()},
 * or stop loading with a {@link org.medvl.core.MedvlException} when the dataset was opened strict.
 */
public interface Dataset {
    /** The registry name, e.g. "vqa-rad". */
    String name();

    /** The dataset folder (or manifest file) as given. */
    Path root();

    /** The split the streams are restricted to; empty for all splits. */
    Optional<Split> split();

    /** The kinds of record this dataset yields. */
    Set<RecordKind> kinds();

    Stream<VqaItem> vqaItems();

    Stream<ImageTextPair> pairs();

    Stream<ReportStudy> studies();

    /**
     * Problems found so far while reading (each names file, line or record, and what is wrong), in the order found,
     * without repeats when a stream is read twice. At most {@link ProblemLog#MAX_KEPT} are kept.
     */
    List<DataProblem> problems();

    /** How many problems were found, including those beyond the kept list. */
    long problemCount();
}
