package org.medvl.spark.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.medvl.spark.jobs.PredictionJobs;
import picocli.CommandLine.Command;

@Command(name = "label", mixinStandardHelpOptions = true,
        description = "CheXpert findings labels of each item's text (pair caption, or study findings + impression): "
                + "index, id, one column per observation with 1, 0, -1 or blank.")
public final class LabelCommand extends ManifestJobCommand {
    @Override
    Dataset<Row> job(Dataset<Row> items) {
        return PredictionJobs.label(items);
    }
}
