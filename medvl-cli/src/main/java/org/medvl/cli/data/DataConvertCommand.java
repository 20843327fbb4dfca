package org.medvl.cli.data;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.medvl.core.MedvlException;
import org.medvl.core.record.ReportStudy;
import org.medvl.data.Dataset;
import org.medvl.data.ReportCleaning;
import org.medvl.data.manifest.ManifestWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvl data convert}: any dataset to one medvl manifest (JSON Lines). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert a dataset to a medvl manifest (JSON Lines) that every command accepts as manifest:PATH.")
public final class DataConvertCommand implements Callable<Integer> {
    @Mixin
    DatasetOption dataset;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The manifest to write (.jsonl).")
    Path out;

    @Option(names = "--clean", paramLabel = "STYLE", defaultValue = "none",
            description = "Clean report findings/impression as published baselines do: none (default), r2gen-iu, r2gen-mimic.")
    String clean;

    @Option(names = "--force", description = "Replace FILE when it already exists.")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        UnaryOperator<ReportStudy> cleaning = ReportCleaning.byName(clean);
        if (Files.exists(out) && !force) {
            throw new MedvlException(out + " already exists; pass --force to replace it");
        }
        Dataset ds = dataset.open();
        if (Files.exists(out) && out.toAbsolutePath().normalize().equals(ds.root().toAbsolutePath().normalize())) {
            throw new MedvlException("--out " + out + " is the input manifest itself");
        }
        ManifestWriter.Counts n = ManifestWriter.write(ds, out, cleaning);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %,d records (%,d vqa, %,d pairs, %,d studies) to %s%n", n.total(), n.vqa(), n.pairs(),
                n.studies(), out);
        if (ds.problemCount() > 0) {
            w.printf("%,d problem(s) in the source (records marked skipped are not in the manifest):%n",
                    ds.problemCount());
            ds.problems().stream().limit(10).forEach(p -> w.println("  " + (p.skipped() ? "skipped: " : "warning: ") + p));
        }
        w.flush();
        return 0;
    }
}
