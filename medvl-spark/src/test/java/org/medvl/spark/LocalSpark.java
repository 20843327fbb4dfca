package org.medvl.spark;

import org.apache.spark.sql.SparkSession;
import org.medvl.spark.session.SparkSessions;

/** One local[2] session for all tests of this JVM (a session takes seconds to start). */
public final class LocalSpark {
    private static SparkSession session;

    private LocalSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null || session.sparkContext().isStopped()) {
            session = SparkSessions.start("medvl-spark tests", "local[2]");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
