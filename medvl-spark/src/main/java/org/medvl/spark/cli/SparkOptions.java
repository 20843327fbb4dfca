package org.medvl.spark.cli;

import picocli.CommandLine.Option;

/** Options every job takes. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (local[N], spark://host:7077, yarn, k8s://...); default: spark-submit's, "
                    + "else local[2]")
    public String master;

    @Option(names = "--partitions", paramLabel = "N", description = "repartition the input into N slices (default: "
            + "as read)")
    public int partitions;

    @Option(names = "--verbose", description = "stack traces on errors")
    public boolean verbose;
}
