package org.medvl.core.io;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of long work: a live bar on a terminal, plain log lines on stderr otherwise (CI logs, pipes), so output
 * stays readable in both. Use with try-with-resources.
 */
public final class Progress implements AutoCloseable {
    private final ProgressBar bar;
    private final String task;
    private final long total;
    private long done;
    private long nextLogAt;
    private final long startNanos = System.nanoTime();

    private Progress(String task, long total) {
        this.task = task;
        this.total = total;
        boolean terminal = System.console() != null && !"true".equals(System.getenv("CI"))
                && !Boolean.getBoolean("medvl.quiet");
        this.bar = terminal ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total < 0 ? -1 : total)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate()
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build() : null;
        this.nextLogAt = total > 0 ? Math.max(1, total / 10) : 100_000;
    }

    /** Starts progress for {@code total} steps; a negative total means unknown. */
    public static Progress start(String task, long total) {
        return new Progress(task, total);
    }

    public void step() {
        stepBy(1);
    }

    public synchronized void stepBy(long n) {
        done += n;
        if (bar != null) {
            bar.stepBy(n);
        } else if (done >= nextLogAt && !Boolean.getBoolean("medvl.quiet")) {
            double secs = (System.nanoTime() - startNanos) / 1e9;
            System.err.printf("%s: %,d%s (%.1f s)%n", task, done, total > 0 ? " / " + String.format("%,d", total) : "",
                    secs);
            nextLogAt = total > 0 ? nextLogAt + Math.max(1, total / 10) : nextLogAt * 2;
        }
    }

    public synchronized void setExtraMessage(String message) {
        if (bar != null) {
            bar.setExtraMessage(message);
        }
    }

    public synchronized long done() {
        return done;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
