package org.medvl.spark.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.medvl.spark.jobs.ModelSource;
import org.medvl.spark.jobs.PredictionJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "embed", mixinStandardHelpOptions = true,
        description = "CLIP image embeddings of each manifest item's first image: index, id, image, embedding.")
public final class EmbedCommand extends ManifestJobCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "CLIP model folder (medvl checkpoint or ONNX export), readable by every executor")
    String model;

    @Override
    Dataset<Row> job(Dataset<Row> items) {
        return PredictionJobs.embed(items, ModelSource.clip(model));
    }
}
