package org.medvl.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvl.core.record.Split;
import org.medvl.synth.Prevalence;
import org.medvl.synth.SynthConfig;
import org.medvl.synth.SynthDatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl demo synth}: writes a synthetic chest-radiograph dataset (images, reports, VQA pairs, ground truth),
 * clearly labelled SYNTHETIC, deterministic from the seed.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate SYNTHETIC chest radiographs with ground-truth findings, reports and VQA pairs "
                + "(deterministic from --seed; not for clinical use).",
        footer = {"", "Examples:",
                "  medvl demo synth --out synth-cxr",
                "  medvl demo synth --out synth-small --count 200 --seed 7 --size 128",
                "  medvl demo synth --out synth-16 --bits 16 --prevalence effusion=0.5,pneumothorax=0.3"})
public final class SynthCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "Folder to create.")
    Path out;

    @Option(names = "--count", defaultValue = "2000", paramLabel = "N", description = "Images (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Random seed; the same seed gives byte-identical output (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "256", paramLabel = "PIXELS",
            description = "Image width and height, 64..2048 (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--bits", defaultValue = "8", paramLabel = "8|16", description = "PNG bit depth (default ${DEFAULT-VALUE}).")
    int bits;

    @Option(names = "--prevalence", paramLabel = "NAME=P,...",
            description = "Override finding prevalences: cardiomegaly, effusion, pneumothorax, nodule, consolidation, "
                    + "devices (defaults 0.25, 0.22, 0.12, 0.15, 0.2, 0.15).")
    String prevalence = "";

    @Option(names = "--split", defaultValue = "0.1,0.1", paramLabel = "VAL,TEST",
            description = "Validation and test fractions; the rest is train (default ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all processors).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--masks", description = "Also write lung-field and heart masks (masks/ID-lungs.png, -heart.png).")
    boolean masks;

    @Option(names = "--force", description = "Replace DIR if an earlier 'medvl demo synth' made it.")
    boolean force;

    @Option(names = "--bench", description = "Also print generation speed in images per second.")
    boolean bench;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String[] fr = split.split(",");
        if (fr.length != 2) {
            throw new IllegalArgumentException("--split takes VAL,TEST fractions, e.g. 0.1,0.1; got " + split);
        }
        SynthConfig config = new SynthConfig(seed, size, bits, Prevalence.DEFAULT.with(prevalence),
                parse(fr[0]), parse(fr[1]));
        SynthDatasetWriter.Summary s = SynthDatasetWriter.write(config, count, out, force, threads, masks);
        PrintWriter w = spec.commandLine().getOut();
        w.printf("wrote %,d SYNTHETIC images (%dx%d, %d-bit) to %s%n", s.images(), size, size, bits, out);
        w.printf("  splits: train %,d, validation %,d, test %,d%n", s.perSplit().getOrDefault(Split.TRAIN, 0),
                s.perSplit().getOrDefault(Split.VALIDATION, 0), s.perSplit().getOrDefault(Split.TEST, 0));
        w.printf("  reports.jsonl (%,d studies), pairs.jsonl (image-text), vqa.jsonl (%,d VQA pairs), "
                + "ground_truth.jsonl, labels.csv, README.txt%n", s.images(), s.vqaPairs());
        StringBuilder pos = new StringBuilder();
        s.positives().forEach((l, n) -> {
            if (n > 0) {
                pos.append(pos.length() == 0 ? "" : ", ").append(l.displayName()).append(' ').append(n);
            }
        });
        w.println("  positives: " + pos);
        w.printf("  use as: manifest:%s  manifest:%s  manifest:%s%n", out.resolve("reports.jsonl"),
                out.resolve("pairs.jsonl"), out.resolve("vqa.jsonl"));
        if (bench) {
            w.printf("  speed: %.1f images/s on %d thread(s) (%.1f s, images written as PNG)%n", s.imagesPerSecond(),
                    threads, s.seconds());
        }
        w.flush();
        return 0;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--split fraction '" + s.trim() + "' is not a number");
        }
    }
}
