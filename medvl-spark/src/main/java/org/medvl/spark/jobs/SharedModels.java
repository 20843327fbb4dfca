package org.medvl.spark.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models open in this JVM, one per {@link ModelSource#key()}: an executor runs many tasks (partitions), often at
 * once, and loading a model per task would repeat seconds of work and hold several copies of the weights. The task
 * interfaces are thread-safe, so the tasks of an executor share one instance. Models stay open for the executor's
 * life; the driver closes them with {@link #closeAll()} when a local run ends.
 */
public final class SharedModels {
    private static final Map<String, AutoCloseable> OPEN = new ConcurrentHashMap<>();

    private SharedModels() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends AutoCloseable> T get(ModelSource<T> source) {
        return (T) OPEN.computeIfAbsent(source.key(), k -> source.open());
    }

    /** Closes every model this JVM opened (errors on close are ignored: the run's results are already written). */
    public static void closeAll() {
        List<AutoCloseable> all = new ArrayList<>(OPEN.values());
        OPEN.clear();
        for (AutoCloseable m : all) {
            try {
                m.close();
            } catch (Exception ignored) {
                // closing frees native memory only
            }
        }
    }
}
