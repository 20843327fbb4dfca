package org.medvl.spark.cli;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.medvl.spark.jobs.ModelSource;
import org.medvl.spark.jobs.PredictionJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "zeroshot", mixinStandardHelpOptions = true,
        description = "CLIP zero-shot labels of each item's first image: index, id, image, label, probability, "
                + "labels, probabilities (best first).")
public final class ZeroShotCommand extends ManifestJobCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "CLIP model folder")
    String model;

    @Option(names = "--labels", required = true, split = ",", paramLabel = "LABEL,...",
            description = "candidate labels, comma-separated")
    List<String> labels;

    @Override
    Dataset<Row> job(Dataset<Row> items) {
        return PredictionJobs.zeroShot(items, ModelSource.clip(model), labels);
    }
}
