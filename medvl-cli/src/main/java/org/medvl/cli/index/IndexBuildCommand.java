package org.medvl.cli.index;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvl.cli.data.DatasetOption;
import org.medvl.data.Dataset;
import org.medvl.index.DatasetCases;
import org.medvl.index.IndexBuilder;
import org.medvl.models.api.ImageEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl index build}: indexes a dataset's images (embeddings, HNSW) and captions/reports (BM25) into a new
 * directory that replaces the previous index only once complete.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build a similar-case index (image embeddings + report text) from a dataset; replaces DIR atomically.")
public final class IndexBuildCommand implements Callable<Integer> {
    @Mixin
    DatasetOption dataset;

    @Mixin
    ModelOption model;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Index directory to create or replace.")
    Path out;

    @Option(names = "--hnsw-m", defaultValue = "16", description = "HNSW neighbours per node, M (default 16).")
    int maxConn;

    @Option(names = "--hnsw-beam-width", defaultValue = "100",
            description = "HNSW construction beam width, efConstruction (default 100).")
    int beamWidth;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Dataset ds = dataset.open();
        IndexBuilder.Options options = new IndexBuilder.Options(maxConn, beamWidth, dataset.strict(), ds.name() + ":"
                + ds.root() + ds.split().map(s -> "#" + s.id()).orElse(""));
        IndexBuilder.Result r;
        try (ImageEmbedder embedder = model.openOrNull()) {
            r = IndexBuilder.build(this.out, DatasetCases.of(ds), embedder, options);
            out.printf("indexed %,d cases from %s (%s) in %.1f s%n", r.written(), options.source(),
                    embedder == null ? "text only, BM25" : "model " + embedder.name() + ", " + embedder.dimension()
                            + "-d HNSW + BM25", r.seconds());
        }
        IndexReports.printSkips(out, r);
        IndexReports.printDataProblems(out, ds);
        IndexReports.warnLeftovers(out, this.out);
        out.println("index written to " + this.out.toAbsolutePath());
        return 0;
    }
}
