package org.medvl.cli.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvl.cli.data.DatasetOption;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.data.Dataset;
import org.medvl.index.DatasetCases;
import org.medvl.index.SimilarCaseEvaluation;
import org.medvl.index.SimilarCaseIndex;
import org.medvl.models.api.ImageEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl index eval}: searches the index with every image of a dataset split and reports how often the same
 * case's other images, or cases with the same diagnosis, come back in the top k.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Rate how often image queries (e.g. the dev split) return the same case or same-diagnosis cases.")
public final class IndexEvalCommand implements Callable<Integer> {
    @Option(names = {"-i", "--index"}, required = true, paramLabel = "DIR", description = "Index directory.")
    Path index;

    @Mixin
    DatasetOption dataset;

    @Mixin
    ModelOption model;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the results as JSON.")
    Path jsonOut;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Dataset ds = dataset.open();
        SimilarCaseEvaluation.Result r;
        try (ImageEmbedder embedder = model.openOrNull()) {
            if (embedder == null) {
                throw new MedvlException("image queries need --model (the model the index was built with)");
            }
            try (SimilarCaseIndex idx = SimilarCaseIndex.open(index, embedder)) {
                r = SimilarCaseEvaluation.run(idx, DatasetCases.of(ds), 1, 5, 10);
            }
        }
        out.printf("%,d image queries from %s (%d skipped: no image or unreadable)%n", r.queries(),
                dataset.parsed(), r.skipped());
        for (SimilarCaseEvaluation.Rates rates : new SimilarCaseEvaluation.Rates[] {r.sameCase(),
                r.sameCaseOrDiagnosis()}) {
            StringBuilder line = new StringBuilder(String.format("%-24s over %,5d queries:", rates.name(),
                    rates.queries()));
            for (int i = 0; i < r.ks().length; i++) {
                line.append(String.format("  hit@%d %.3f", r.ks()[i], rates.hitRateAt()[i]));
            }
            line.append(String.format("  MRR@%d %.3f", r.ks()[r.ks().length - 1], rates.mrr()));
            out.println(line);
        }
        if (jsonOut != null) {
            AtomicFiles.writeString(jsonOut, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(r));
            out.println("results written to " + jsonOut.toAbsolutePath());
        }
        return 0;
    }
}
