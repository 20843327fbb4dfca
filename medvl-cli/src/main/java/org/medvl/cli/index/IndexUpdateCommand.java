package org.medvl.cli.index;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.data.Dataset;
import org.medvl.data.DatasetSpec;
import org.medvl.data.Datasets;
import org.medvl.data.LoadOptions;
import org.medvl.index.DatasetCases;
import org.medvl.index.IndexBuilder;
import org.medvl.models.api.ImageEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvl index update}: adds or replaces cases by id, or deletes them, in one Lucene commit. */
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Add or replace (by id) a dataset's cases in an existing index, or delete cases, in one commit.")
public final class IndexUpdateCommand implements Callable<Integer> {
    @Option(names = {"-i", "--index"}, required = true, paramLabel = "DIR", description = "The index to update.")
    Path index;

    @Option(names = {"-d", "--dataset"}, paramLabel = "NAME:PATH[#split]",
            description = "Cases to add or replace, as in 'medvl index build'.")
    String datasetSpec;

    @Option(names = "--strict", description = "Stop at the first malformed record or unreadable image.")
    boolean strict;

    @Option(names = "--delete", paramLabel = "ID", split = ",", description = "Case ids to delete.")
    List<String> delete = new ArrayList<>();

    @Mixin
    ModelOption model;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (datasetSpec == null && delete.isEmpty()) {
            throw new MedvlException("nothing to do: give --dataset to add or replace cases, or --delete IDS");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!delete.isEmpty()) {
            long left = IndexBuilder.delete(index, delete);
            out.printf("deleted ids %s; the index holds %,d cases%n", String.join(",", delete), left);
        }
        if (datasetSpec != null) {
            Dataset ds = Datasets.open(DatasetSpec.parse(datasetSpec), new LoadOptions(strict));
            try (ImageEmbedder embedder = model.openOrNull()) {
                IndexBuilder.Result r = IndexBuilder.update(index, DatasetCases.of(ds), embedder, strict);
                out.printf("added or replaced %,d cases in %.1f s; the index holds %,d cases%n", r.written(),
                        r.seconds(), r.total());
                IndexReports.printSkips(out, r);
            }
            IndexReports.printDataProblems(out, ds);
        }
        out.println("index updated in place: " + index.toAbsolutePath());
        return 0;
    }
}
