package org.medvl.cli.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.medvl.core.MedvlException;
import org.medvl.core.record.VqaItem;
import org.medvl.data.Datasets;
import org.medvl.eval.AnswerCache;
import org.medvl.eval.run.Sampling;
import picocli.CommandLine.Option;

/** Dataset, output directory and seeded subset options shared by the benchmarks of served models. */
public final class BenchRunOptions {
    @Option(names = "--dataset", required = true, paramLabel = "NAME:PATH[#split]",
            description = "Dataset, e.g. vqa-rad:../shared/data/vqa-rad#test or medpix-2.0:../shared/data/medpix-2.0#dev")
    String dataset;

    @Option(names = "--out", required = true,
            description = "Output directory: answers cache (rerun to resume), results.json, report.html.")
    Path out;

    @Option(names = "--limit", defaultValue = "0", description = "Use a seeded subset of this many items (0 = all).")
    int limit;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the subset (default: ${DEFAULT-VALUE}).")
    long seed;

    /** The dataset's VQA items, subset as asked; an error when it has none. */
    List<VqaItem> vqaItems() {
        List<VqaItem> items = Datasets.open(dataset).vqaItems().toList();
        if (items.isEmpty()) {
            throw new MedvlException("dataset " + dataset + " has no VQA items");
        }
        return subset(items, VqaItem::id);
    }

    /** The answer cache of this output directory: rerunning a command resumes from it. */
    AnswerCache openCache() {
        return AnswerCache.open(out.resolve("answers.jsonl"));
    }

    <T> List<T> subset(List<T> items, Function<T, String> id) {
        return Sampling.subset(items, id, limit, seed);
    }
}
