package org.medvl.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.data.Dataset;
import org.medvl.data.Datasets;
import org.medvl.data.inspect.DatasetInspector;
import org.medvl.data.inspect.ImageCheck;
import org.medvl.data.synth.PmcOaStyleGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl bench data}: streams a generated PMC-OA-style JSONL (1.6M records by default) through the raw line
 * reader, plain Jackson parsing, the pmc-oa loader and {@code data inspect}, and prints records/s and ratios measured
 * side by side in one run, plus the JVM's maximum and peak heap (run it with -Xmx512m to show bounded memory).
 */
@Command(name = "data", mixinStandardHelpOptions = true,
        description = "Benchmark dataset streaming: records/s of the loader and inspect on a generated 1.6M-record PMC-OA-style JSONL.")
public final class DataBenchCommand implements Callable<Integer> {
    @Option(names = "--records", defaultValue = "1600000", description = "Records to generate (default 1,600,000).")
    long records;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Folder for the generated dataset (default: a temporary folder, deleted afterwards).")
    Path dir;

    @Option(names = "--repeat", defaultValue = "1", description = "Timed passes per phase; the best is reported.")
    int repeat;

    @Spec
    CommandSpec spec;

    private record Phase(String name, double seconds, long count, long peakHeap) {
    }

    @Override
    public Integer call() throws Exception {
        if (records < 1 || repeat < 1) {
            throw new MedvlException("--records and --repeat must be positive");
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean temp = dir == null;
        Path root = temp ? Files.createTempDirectory("medvl-bench-data") : Files.createDirectories(dir);
        try {
            Path file = root.resolve("train.jsonl");
            if (Files.exists(file) && !temp) {
                throw new MedvlException(file + " already exists; choose an empty --dir");
            }
            long t0 = System.nanoTime();
            long bytes = PmcOaStyleGenerator.write(file, records, 42);
            out.printf("generated %,d PMC-OA-style records (%,.1f MB) in %.1f s at %s%n", records, bytes / 1e6,
                    (System.nanoTime() - t0) / 1e9, file);
            out.printf("JVM max heap %,d MB, %d processors%n%n", Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            out.flush();
            String spec = "pmc-oa:" + root;
            List<Phase> phases = new ArrayList<>();
            phases.add(time("read lines (BufferedReader)", () -> countLines(file)));
            phases.add(time("parse JSON (Jackson readTree)", () -> parseLines(file)));
            phases.add(time("pmc-oa loader stream", () -> {
                try (var s = Datasets.open(spec).pairs()) {
                    return s.count();
                }
            }));
            phases.add(time("data inspect --images none", () -> inspect(spec, ImageCheck.NONE)));
            phases.add(time("data inspect --images exists", () -> inspect(spec, ImageCheck.EXISTS)));
            double base = phases.get(1).count() / phases.get(1).seconds();
            out.printf("%-32s %12s %10s %14s %12s %14s%n", "phase", "records", "seconds", "records/s",
                    "vs Jackson", "peak heap MB");
            for (Phase p : phases) {
                double rate = p.count() / p.seconds();
                out.printf("%-32s %,12d %10.2f %,14.0f %11.2fx %,14d%n", p.name(), p.count(), p.seconds(), rate,
                        rate / base, p.peakHeap() >> 20);
            }
            out.println();
            out.println("Peak heap is the JVM's heap high-water mark during the phase (includes garbage not yet "
                    + "collected). Timings on a shared machine vary; compare the ratios.");
            out.flush();
            return 0;
        } finally {
            if (temp) {
                AtomicFiles.deleteTree(root);
            }
        }
    }

    private Phase time(String name, LongSupplier body) {
        double best = Double.MAX_VALUE;
        long count = 0;
        long peak = 0;
        for (int i = 0; i < repeat; i++) {
            System.gc();
            resetPeaks();
            long t = System.nanoTime();
            count = body.getAsLong();
            best = Math.min(best, (System.nanoTime() - t) / 1e9);
            peak = Math.max(peak, peakHeap());
        }
        return new Phase(name, best, count, peak);
    }

    private static long inspect(String spec, ImageCheck check) {
        Dataset ds = Datasets.open(spec);
        var report = new DatasetInspector(check, false).inspect(ds);
        return ((Number) report.get("records_read")).longValue();
    }

    private static long countLines(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            while (in.readLine() != null) {
                n++;
            }
            return n;
        } catch (java.io.IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static long parseLines(Path file) {
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            long n = 0;
            String line;
            while ((line = in.readLine()) != null) {
                if (mapper.readTree(line).has("caption")) {
                    n++;
                }
            }
            return n;
        } catch (java.io.IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
