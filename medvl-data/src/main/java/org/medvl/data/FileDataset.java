package org.medvl.data;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;

/**
 * Base of every loader: subclasses read all records of their kinds; this class applies the spec's split and
 * exposes the problem log.
 */
public abstract class FileDataset implements Dataset {
    protected final LoadContext ctx;
    private final Set<RecordKind> kinds;

    protected FileDataset(LoadContext ctx, RecordKind first, RecordKind... more) {
        this.ctx = ctx;
        this.kinds = java.util.Collections.unmodifiableSet(EnumSet.of(first, more));
    }

    /** Every VQA item of the wanted splits (filtering by split happens here). */
    protected Stream<VqaItem> readVqa() {
        return Stream.empty();
    }

    protected Stream<ImageTextPair> readPairs() {
        return Stream.empty();
    }

    protected Stream<ReportStudy> readStudies() {
        return Stream.empty();
    }

    @Override
    public String name() {
        return ctx.spec().name();
    }

    @Override
    public Path root() {
        return ctx.spec().path();
    }

    @Override
    public Optional<Split> split() {
        return ctx.spec().split();
    }

    @Override
    public Set<RecordKind> kinds() {
        return kinds;
    }

    @Override
    public final Stream<VqaItem> vqaItems() {
        return kinds.contains(RecordKind.VQA) ? keep(readVqa(), VqaItem::split) : Stream.empty();
    }

    @Override
    public final Stream<ImageTextPair> pairs() {
        return kinds.contains(RecordKind.PAIR) ? keep(readPairs(), ImageTextPair::split) : Stream.empty();
    }

    @Override
    public final Stream<ReportStudy> studies() {
        return kinds.contains(RecordKind.STUDY) ? keep(readStudies(), ReportStudy::split) : Stream.empty();
    }

    @Override
    public List<DataProblem> problems() {
        return ctx.problems().problems();
    }

    @Override
    public long problemCount() {
        return ctx.problems().count();
    }

    private <T> Stream<T> keep(Stream<T> records, Function<T, Split> split) {
        return ctx.spec().split().map(s -> records.filter(r -> split.apply(r) == s)).orElse(records);
    }
}
