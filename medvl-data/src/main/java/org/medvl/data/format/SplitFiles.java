package org.medvl.data.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.medvl.core.record.Split;
import org.medvl.data.LoadContext;

/**
 * The common "one file per split" layout (train.json / val.json / test.json and their many spellings): finds the
 * first existing spelling of each wanted split and concatenates what {@code reader} makes of each file, lazily.
 */
final class SplitFiles {
    private SplitFiles() {
    }

    /** One split and the file names it may be published under, relative to the root. */
    record Candidate(Split split, List<String> names) {
        static Candidate of(Split split, String... names) {
            return new Candidate(split, List.of(names));
        }
    }

    /** The existing file of each wanted candidate split, in the order given. */
    static List<Candidate> existing(LoadContext ctx, List<Candidate> candidates) {
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!ctx.wants(c.split())) {
                continue;
            }
            Path p = ctx.firstExisting(c.names().toArray(String[]::new));
            if (p != null) {
                out.add(new Candidate(c.split(), List.of(ctx.root().relativize(p).toString())));
            }
        }
        return out;
    }

    /** Lazily concatenates {@code reader(file, split)} over the existing split files. */
    static <T> Stream<T> read(LoadContext ctx, List<Candidate> candidates, BiFunction<Path, Split, Stream<T>> reader) {
        List<Candidate> found = existing(ctx, candidates);
        if (found.isEmpty() && ctx.spec().split().isEmpty()) {
            ctx.problems().skipped(ctx.root(), 0, null, "no split file found: expected one of "
                    + candidates.stream().flatMap(c -> c.names().stream()).toList());
        }
        return found.stream().flatMap(c -> reader.apply(ctx.file(c.names().get(0)), c.split()));
    }

    /** train/val/test under the usual spellings, with the given extension (".json", ".csv", ...). */
    static List<Candidate> standard(String ext) {
        return List.of(
                Candidate.of(Split.TRAIN, "train" + ext),
                Candidate.of(Split.VALIDATION, "val" + ext, "valid" + ext, "validate" + ext, "validation" + ext,
                        "dev" + ext),
                Candidate.of(Split.TEST, "test" + ext));
    }
}
