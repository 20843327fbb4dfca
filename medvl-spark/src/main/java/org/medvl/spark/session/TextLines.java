package org.medvl.spark.session;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** Reads JSON Lines inputs for the jobs. */
public final class TextLines {
    private TextLines() {
    }

    /**
     * A text file's lines in order, in evenly sized splits, at least two per core: Spark SQL's text reader packs
     * small files into 4 MB splits, which left a 4.5 MB file as one 4 MB and one 0.5 MB partition (one busy core).
     */
    public static JavaRDD<String> of(SparkSession spark, String path) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        return sc.textFile(path, Math.max(2, 2 * sc.defaultParallelism()));
    }
}
