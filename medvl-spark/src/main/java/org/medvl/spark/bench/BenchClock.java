package org.medvl.spark.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medvl.core.stats.Median;

/**
 * Wall and CPU time of one timed run, and the table both benchmarks print. CPU time is this JVM's: other processes'
 * load stretches wall time on a shared machine but not the CPU a path itself spends.
 */
final class BenchClock {
    private final long wall0 = System.nanoTime();
    private final double cpu0 = cpu();

    private BenchClock() {
    }

    record Sample(double wall, double cpu) {
    }

    static BenchClock start() {
        return new BenchClock();
    }

    Sample stop() {
        return new Sample((System.nanoTime() - wall0) / 1e9, cpu() - cpu0);
    }

    /** A table row: path, wall s, wall ratio to the base, CPU s, CPU ratio, session start. */
    static String[] row(String path, Sample s, Sample base, String sessionStart) {
        return new String[] {path, fmt(s.wall()), String.format("%.2f", s.wall() / base.wall()), fmt(s.cpu()),
            String.format("%.2f", s.cpu() / base.cpu()), sessionStart};
    }

    static void print(List<String[]> rows) {
        System.out.printf("%n%-28s %9s %9s %9s %9s %16s%n", "path", "wall s", "ratio", "CPU s", "ratio",
                "session start s");
        for (String[] r : rows) {
            System.out.printf("%-28s %9s %9s %9s %9s %16s%n", (Object[]) r);
        }
    }

    /** Median wall time and, separately, median CPU time of several runs. */
    static Sample median(List<Sample> runs) {
        return new Sample(Median.of(runs.stream().mapToDouble(Sample::wall).toArray()),
                Median.of(runs.stream().mapToDouble(Sample::cpu).toArray()));
    }

    static String fmt(double s) {
        return String.format("%.2f", s);
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double cpu() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    }
}
