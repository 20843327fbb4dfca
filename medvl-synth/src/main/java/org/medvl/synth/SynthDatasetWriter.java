package org.medvl.synth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.Progress;
import org.medvl.core.record.Split;

/**
 * Writes a synthetic dataset folder, atomically (it appears complete or not at all):
 * <pre>
 * README.txt          dataset card: SYNTHETIC, not for clinical use; settings, counts, formats
 * images/synth-NNNNNN.png
 * reports.jsonl       medvl manifest, one "study" line per image (FINDINGS, IMPRESSION, tags = true labels)
 * pairs.jsonl         medvl manifest, one image-text "pair" per image (findings + impression), for CLIP
 * vqa.jsonl           medvl manifest, "vqa" lines
 * ground_truth.jsonl  per image: 14 CheXpert truths, finding parameters, acquisition
 * labels.csv          the truth in CheXpert label-CSV layout (id + 14 columns of 1/0)
 * masks/              only with masks: synth-NNNNNN-lungs.png and -heart.png, 8-bit, 255 inside
 * .medvl-synth        marks the folder as generated, so --force may replace it
 * </pre>
 * An existing non-empty folder is never replaced unless {@code force} is set and it carries the marker.
 */
public final class SynthDatasetWriter {
    /** The marker file naming a folder this writer made. */
    public static final String MARKER = ".medvl-synth";

    private SynthDatasetWriter() {
    }

    /** What was written and how fast. */
    public record Summary(Path dir, int images, Map<Split, Integer> perSplit, int vqaPairs,
                          Map<ChexpertLabel, Integer> positives, double seconds) {
        public double imagesPerSecond() {
            return seconds > 0 ? images / seconds : Double.NaN;
        }
    }

    public static Summary write(SynthConfig config, int count, Path out, boolean force, int threads) {
        return write(config, count, out, force, threads, false);
    }

    /** As {@link #write(SynthConfig, int, Path, boolean, int)}, also writing lung-field and heart masks if asked. */
    public static Summary write(SynthConfig config, int count, Path out, boolean force, int threads, boolean masks) {
        if (count < 1) {
            throw new MedvlException("--count must be at least 1, got " + count);
        }
        refuseToClobber(out, force);
        long start = System.nanoTime();
        SynthGenerator gen = new SynthGenerator(config);
        String[] studies = new String[count];
        String[] pairs = new String[count];
        String[] truths = new String[count];
        String[] labels = new String[count];
        List<List<String>> vqa = new ArrayList<>(java.util.Collections.nCopies(count, List.of()));
        Map<Split, Integer> perSplit = new EnumMap<>(Split.class);
        Map<ChexpertLabel, Integer> positives = new EnumMap<>(ChexpertLabel.class);
        int[] vqaCount = new int[1];
        AtomicFiles.writeDirectory(out, tmp -> {
            Path images = tmp.resolve("images");
            try {
                Files.createDirectories(images);
                if (masks) {
                    Files.createDirectories(tmp.resolve("masks"));
                }
            } catch (IOException e) {
                throw new MedvlException("cannot create " + images + ": " + e.getMessage(), e);
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
            try (Progress progress = Progress.start("synth", count)) {
                List<Future<?>> jobs = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    int index = i;
                    jobs.add(pool.submit(() -> {
                        SynthCase c = gen.generate(index, "images/" + SynthGenerator.id(index) + ".png");
                        byte[] png = Png.encode(c.image());
                        Files.write(images.resolve(SynthGenerator.id(index) + ".png"), png);
                        if (masks) {
                            Path m = tmp.resolve("masks");
                            Files.write(m.resolve(c.id() + "-lungs.png"), Png.encodeMask(c.image().lungField(),
                                    c.image().size()));
                            Files.write(m.resolve(c.id() + "-heart.png"), Png.encodeMask(c.image().heart(),
                                    c.image().size()));
                        }
                        studies[index] = SynthRecords.study(c).toString();
                        pairs[index] = SynthRecords.pair(c).toString();
                        truths[index] = SynthRecords.groundTruth(c).toString();
                        labels[index] = SynthRecords.labelRow(c);
                        List<String> lines = new ArrayList<>();
                        c.vqa().forEach(v -> lines.add(SynthRecords.vqa(c, v).toString()));
                        vqa.set(index, lines);
                        synchronized (perSplit) {
                            perSplit.merge(c.split(), 1, Integer::sum);
                            c.findings().chexpert().forEach((l, v) -> positives.merge(l, v ? 1 : 0, Integer::sum));
                        }
                        progress.step();
                        return null;
                    }));
                }
                for (Future<?> f : jobs) {
                    f.get();
                }
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re
                        : new MedvlException("image generation failed: " + cause, cause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MedvlException("interrupted");
            } finally {
                pool.shutdownNow();
            }
            String source = "synth:seed=" + config.seed() + ",count=" + count + ",size=" + config.size();
            writeLines(tmp.resolve("reports.jsonl"), SynthRecords.header(source, "study").toString(), List.of(studies));
            writeLines(tmp.resolve("pairs.jsonl"), SynthRecords.header(source, "pair").toString(), List.of(pairs));
            List<String> allVqa = new ArrayList<>();
            vqa.forEach(allVqa::addAll);
            writeLines(tmp.resolve("vqa.jsonl"), SynthRecords.header(source, "vqa").toString(), allVqa);
            writeLines(tmp.resolve("ground_truth.jsonl"), null, List.of(truths));
            writeLines(tmp.resolve("labels.csv"), SynthRecords.labelHeader(), List.of(labels));
            vqaCount[0] = allVqa.size();
            AtomicFiles.writeString(tmp.resolve("README.txt"),
                    DatasetCard.text(config, count, perSplit, vqaCount[0], positives));
            AtomicFiles.writeString(tmp.resolve(MARKER), "medvl synthetic chest radiographs; seed " + config.seed()
                    + "\n");
            shareable(tmp);
        });
        return new Summary(out, count, perSplit, vqaCount[0], positives, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Temporary files and folders are created owner-only; a dataset is meant to be read by others, so give it the
     * usual rw-r--r-- / rwxr-xr-x where the file system has POSIX permissions.
     */
    private static void shareable(Path dir) {
        if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                        Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        } catch (IOException e) {
            throw new MedvlException("cannot set permissions in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void refuseToClobber(Path out, boolean force) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new MedvlException(out + " exists and is not a folder; choose another --out");
        }
        try (var entries = Files.list(out)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        } catch (IOException e) {
            throw new MedvlException("cannot read " + out + ": " + e.getMessage(), e);
        }
        if (!force) {
            throw new MedvlException(out + " is not empty; choose another --out, or pass --force to replace a "
                    + "folder this command generated earlier");
        }
        if (!Files.exists(out.resolve(MARKER))) {
            throw new MedvlException(out + " was not generated by medvl synth (no " + MARKER
                    + " file); refusing to replace it even with --force");
        }
    }

    private static void writeLines(Path file, String first, List<String> lines) {
        AtomicFiles.writeText(file, w -> {
            if (first != null) {
                w.write(first);
                w.write('\n');
            }
            for (String l : lines) {
                w.write(l);
                w.write('\n');
            }
        });
    }
}
