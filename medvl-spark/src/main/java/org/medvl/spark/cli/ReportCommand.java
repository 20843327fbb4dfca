package org.medvl.spark.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.medvl.spark.jobs.ModelSource;
import org.medvl.spark.jobs.PredictionJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Generated reports for each item's images: index, id, report.")
public final class ReportCommand extends ManifestJobCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "report-generation model folder")
    String model;

    @Override
    Dataset<Row> job(Dataset<Row> items) {
        return PredictionJobs.report(items, ModelSource.reportWriter(model));
    }
}
