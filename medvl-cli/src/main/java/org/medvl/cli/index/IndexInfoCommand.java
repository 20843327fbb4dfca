package org.medvl.cli.index;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvl.index.IndexMeta;
import org.medvl.index.SimilarCaseIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvl index info}: what an index holds and how it was built; also a quick integrity check. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show an index's size, model, HNSW settings and source; --verify checks every file's checksum.")
public final class IndexInfoCommand implements Callable<Integer> {
    @Option(names = {"-i", "--index"}, required = true, paramLabel = "DIR", description = "Index directory.")
    Path index;

    @Option(names = "--verify", description = "Read every file and verify its checksum (slow on large indexes).")
    boolean verify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SimilarCaseIndex idx = SimilarCaseIndex.open(index, null)) {
            IndexMeta m = idx.meta();
            out.printf("index     %s%n", index.toAbsolutePath());
            out.printf("cases     %,d%n", idx.size());
            out.printf("model     %s%n", m.hasVectors() ? m.embedder() + " (" + m.dimension() + "-d, HNSW M="
                    + m.maxConn() + ", efConstruction=" + m.beamWidth() + ")" : "none (text-only, BM25)");
            out.printf("source    %s%n", m.source());
            out.printf("build id  %s%n", m.buildId());
        }
        if (verify) {
            SimilarCaseIndex.verify(index);
            out.println("checksums verified: every file is intact");
        }
        return 0;
    }
}
