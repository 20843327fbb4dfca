package org.medvl.spark.cli;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.medvl.spark.jobs.ModelSource;
import org.medvl.spark.jobs.PredictionJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "vqa", mixinStandardHelpOptions = true,
        description = "Answers to each VQA item's question: index, id, question, answer, probability.")
public final class VqaCommand extends ManifestJobCommand {
    @Option(names = "--model", required = true, paramLabel = "DIR", description = "VQA model folder")
    String model;

    @Override
    Dataset<Row> job(Dataset<Row> items) {
        return PredictionJobs.vqa(items, ModelSource.questionAnswerer(model));
    }
}
