package org.medvl.spark.session;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Starts the Spark session medvl's jobs run in. Under spark-submit the master and resources come from the submit
 * command; run directly (java -cp ...), the session defaults to local[2] on the loopback interface with the web UI
 * off, which is what a workstation or a test wants.
 */
public final class SparkSessions {
    /** The master used when neither --master nor spark-submit names one. */
    public static final String DEFAULT_MASTER = "local[2]";

    private SparkSessions() {
    }

    /**
     * @param master a Spark master URL (local[N], spark://, yarn, k8s://...), or null for spark-submit's or the
     *               default
     */
    public static SparkSession start(String appName, String master) {
        SparkConf conf = new SparkConf(); // picks up spark.* system properties that spark-submit sets
        String chosen = master != null ? master : conf.get("spark.master", DEFAULT_MASTER);
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(chosen)
                .config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"))
                .config("spark.ui.showConsoleProgress", "false");
        if (chosen.startsWith("local")) {
            // a workstation's hostname may not resolve; loopback always does
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", String.valueOf(2 * localCores(chosen)));
        }
        return b.getOrCreate();
    }

    /** N of local[N] (all cores for local[*]); 1 for plain "local". */
    static int localCores(String master) {
        int open = master.indexOf('[');
        if (open < 0) {
            return 1;
        }
        String n = master.substring(open + 1, master.indexOf(']', open)).split(",")[0].trim();
        return n.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(n);
    }
}
