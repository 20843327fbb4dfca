package org.medvl.server.metrics;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** A Prometheus histogram with fixed buckets in seconds; lock-free and thread-safe. */
final class LatencyHistogram {
    /** Bucket upper bounds: 1 ms to 60 s, enough to tell a render from a report generation. */
    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);
    private final LongAdder count = new LongAdder();
    private final DoubleAdder sum = new DoubleAdder();

    void observe(double seconds) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (seconds <= BOUNDS[i]) {
                buckets.incrementAndGet(i);
                break;
            }
        }
        count.increment();
        sum.add(seconds);
    }

    /** Appends the _bucket (cumulative), _sum and _count lines for {@code name} with extra {@code labels}. */
    void write(StringBuilder out, String name, String labels) {
        long cumulative = 0;
        String sep = labels.isEmpty() ? "" : labels + ",";
        for (int i = 0; i < BOUNDS.length; i++) {
            cumulative += buckets.get(i);
            out.append(name).append("_bucket{").append(sep).append("le=\"").append(BOUNDS[i]).append("\"} ")
                    .append(cumulative).append('\n');
        }
        String braces = labels.isEmpty() ? "" : "{" + labels + "}";
        out.append(name).append("_bucket{").append(sep).append("le=\"+Inf\"} ").append(count.sum()).append('\n');
        out.append(name).append("_sum").append(braces).append(' ').append(sum.sum()).append('\n');
        out.append(name).append("_count").append(braces).append(' ').append(count.sum()).append('\n');
    }
}
