package org.medvl.spark.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.medvl.spark.jobs.SharedModels;
import org.medvl.spark.manifest.ManifestItems;
import org.medvl.spark.session.SparkSessions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A job from a manifest to a Parquet output: reads, runs {@link #job}, writes, prints a one-line summary. */
abstract class ManifestJobCommand implements Callable<Integer> {
    @Option(names = "--manifest", required = true, paramLabel = "PATH",
            description = "medvl manifest: JSON Lines (medvl data convert) or Parquet")
    String manifest;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Parquet output folder")
    String out;

    @Option(names = "--force", description = "replace an existing output")
    boolean force;

    @Mixin
    SparkOptions spark = new SparkOptions();

    abstract Dataset<Row> job(Dataset<Row> items);

    @Override
    public Integer call() {
        SparkSession session = SparkSessions.start("medvl-spark " + getClass().getSimpleName(), spark.master);
        try {
            long t0 = System.nanoTime();
            Dataset<Row> items = ManifestItems.read(session, manifest, spark.partitions);
            ParquetOutput.write(job(items), out, force);
            long rows = session.read().parquet(out.contains("://") ? out
                    : java.nio.file.Path.of(out).toAbsolutePath().toUri().toString()).count();
            System.out.printf("wrote %,d rows to %s in %.1f s%n", rows, out, (System.nanoTime() - t0) / 1e9);
            return 0;
        } finally {
            SharedModels.closeAll();
            session.stop();
        }
    }
}
