package org.medvl.cli.bench;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.SharedData;
import org.medvl.image.ImagePipeline;
import org.medvl.image.MedicalImage;
import org.medvl.image.MedicalImages;
import org.medvl.image.PreprocessConfig;
import org.medvl.image.bench.BenchSlices;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medvl bench image}: decode throughput (images/s) of one 512x512 CT slice stored uncompressed, RLE, JPEG
 * Lossless and JPEG 2000, measured in one run, side by side with dcmtk's command-line decoders on the same files when
 * they are installed (dcmtk runs a process per image, so its numbers include process start; the "dcmtk start" row
 * measures that cost on its own).
 */
@Command(name = "image", mixinStandardHelpOptions = true,
        description = "Benchmark DICOM decoding: images/s for uncompressed, RLE, JPEG Lossless, JPEG 2000 vs dcmtk.")
public final class ImageBenchCommand implements Callable<Integer> {
    @Option(names = "--source", paramLabel = "FILE",
            description = "greyscale slice to encode (default: shared dicom-samples J2K_pixelrep_mismatch.dcm, a 512x512 head CT)")
    Path source;

    @Option(names = "--seconds", defaultValue = "3", description = "timed seconds per codec for medvl (default 3)")
    double seconds;

    @Option(names = "--dcmtk-runs", defaultValue = "20", description = "dcmtk decodes per codec (default 20)")
    int dcmtkRuns;

    @Option(names = "--threads", defaultValue = "1", description = "decoding threads for medvl (default 1)")
    int threads;

    @Option(names = "--dir", paramLabel = "DIR", description = "keep the generated files here (default: temporary)")
    Path dir;

    @Override
    public Integer call() throws Exception {
        Path src = source != null ? source : SharedData.dataset("dicom-samples")
                .map(d -> d.resolve("pydicom-test-files/J2K_pixelrep_mismatch.dcm"))
                .orElseThrow(() -> new MedvlException("no --source given and " + SharedData.missingMessage("dicom-samples")));
        MedicalImage slice = MedicalImages.read(src, 0);
        Path work = dir != null ? dir : Files.createTempDirectory("medvl-bench-image");
        try {
            Map<String, Path> files = BenchSlices.write(slice, work);
            int[] reference = null;
            for (Map.Entry<String, Path> e : files.entrySet()) { // correctness gate before timing
                int[] v = MedicalImages.read(e.getValue(), 0).storedValues(0);
                if (reference == null) {
                    reference = v;
                } else if (!java.util.Arrays.equals(reference, v)) {
                    throw new MedvlException(e.getKey() + " does not decode to the uncompressed values");
                }
            }
            boolean dcmtk = onPath("dcmdjpeg") && onPath("dcmdrle") && onPath("dcmconv");
            System.out.printf("medvl bench image: %dx%d slice from %s, %d thread(s), %d cores, load average %s%n",
                    slice.width(), slice.height(), src.getFileName(), threads,
                    Runtime.getRuntime().availableProcessors(), loadAverage());
            System.out.printf("%-14s %9s %14s %14s %10s%n", "codec", "file KiB", "medvl img/s", "dcmtk img/s",
                    "medvl/dcmtk");
            double startRate = dcmtk ? dcmtkRate(List.of("dcmconv", "--version"), null) : 0;
            for (Map.Entry<String, Path> e : files.entrySet()) {
                double medvl = medvlRate(e.getValue());
                String tool = switch (e.getKey()) {
                    case "RLE" -> "dcmdrle";
                    case "JPEG Lossless" -> "dcmdjpeg";
                    case "uncompressed" -> "dcmconv";
                    default -> null; // Debian's dcmtk has no JPEG 2000 codec
                };
                double theirs = dcmtk && tool != null ? dcmtkRate(tool.equals("dcmconv")
                        ? List.of(tool, "+te", e.getValue().toString()) : List.of(tool, e.getValue().toString()),
                        work.resolve("dcmtk-out.dcm")) : Double.NaN;
                System.out.printf("%-14s %9.0f %14.1f %14s %10s%n", e.getKey(), Files.size(e.getValue()) / 1024.0,
                        medvl, Double.isNaN(theirs) ? "n/a" : String.format("%.1f", theirs),
                        Double.isNaN(theirs) ? "n/a" : String.format("%.1fx", medvl / theirs));
            }
            if (dcmtk) {
                System.out.printf("%-14s %9s %14s %14.1f %10s%n", "dcmtk start", "-", "-", startRate, "-");
                System.out.println("dcmtk decodes run one process per image (dcmconv +te / dcmdrle / dcmdjpeg);"
                        + " 'dcmtk start' is dcmconv --version alone.");
            } else {
                System.out.println("dcmtk not installed (apt-get install dcmtk): no side-by-side numbers.");
            }
            pipelineRows(slice);
            System.out.println("files: " + (dir != null ? work : "temporary, deleted"));
        } finally {
            if (dir == null) {
                AtomicFiles.deleteTree(work);
            }
        }
        return 0;
    }

    /**
     * The shared pipeline (window, antialiased resize with padding, normalise: 3x224x224) against what a loader
     * written with Java2D would do: an 8-bit windowed image drawn scaled with bilinear interpolation, then normalised.
     */
    private void pipelineRows(MedicalImage slice) {
        ImagePipeline pipe = new ImagePipeline(PreprocessConfig.imagenet(224).withWindow("brain"));
        double[] rates = interleavedRates(() -> pipe.toTensor(slice), () -> java2dTensor(pipe, slice));
        double medvl = rates[0];
        double java2d = rates[1];
        System.out.printf("%-14s %9s %14.1f %14s %10s%n", "tensor 224", "-", medvl, String.format("%.1f", java2d),
                String.format("%.1fx", medvl / java2d));
        System.out.println("'tensor 224': decoded slice -> 3x224x224 ImageNet-normalised floats; the right-hand column"
                + " is a Java2D path (8-bit window, drawImage bilinear, normalise), not dcmtk.");
    }

    private static float[] java2dTensor(ImagePipeline pipe, MedicalImage slice) {
        BufferedImage grey = pipe.toDisplay(slice, 0, null);
        int size = 224;
        double s = Math.min((double) size / grey.getWidth(), (double) size / grey.getHeight());
        int w = (int) Math.round(grey.getWidth() * s);
        int h = (int) Math.round(grey.getHeight() * s);
        BufferedImage out = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(grey, (size - w) / 2, (size - h) / 2, w, h, null);
        g.dispose();
        byte[] px = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        float[] t = new float[3 * size * size];
        double[] mean = pipe.config().mean();
        double[] std = pipe.config().std();
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < px.length; i++) {
                t[c * px.length + i] = (float) (((px[i] & 0xFF) / 255.0 - mean[c]) / std[c]);
            }
        }
        return t;
    }

    /**
     * Rates of two workloads measured in alternating batches, so that both see the same machine load (this matters
     * on shared machines, where load swings within seconds).
     */
    private double[] interleavedRates(Runnable a, Runnable b) {
        long warmEnd = System.nanoTime() + (long) (Math.min(1.0, seconds) * 1e9);
        while (System.nanoTime() < warmEnd) {
            a.run();
            b.run();
        }
        long[] nanos = new long[2];
        long[] counts = new long[2];
        long end = System.nanoTime() + (long) (2 * seconds * 1e9);
        while (System.nanoTime() < end) {
            for (int k = 0; k < 2; k++) {
                Runnable r = k == 0 ? a : b;
                long t0 = System.nanoTime();
                for (int i = 0; i < 5; i++) {
                    r.run();
                }
                nanos[k] += System.nanoTime() - t0;
                counts[k] += 5;
            }
        }
        return new double[] {counts[0] / (nanos[0] / 1e9), counts[1] / (nanos[1] / 1e9)};
    }

    private double medvlRate(Path file) throws Exception {
        long warmEnd = System.nanoTime() + (long) (Math.min(1.0, seconds) * 1e9);
        while (System.nanoTime() < warmEnd) {
            MedicalImages.read(file, 0);
        }
        long[] counts = new long[threads];
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long t0 = System.nanoTime();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                while (System.nanoTime() < end) {
                    MedicalImages.read(file, 0);
                    counts[id]++;
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total / secs;
    }

    private double dcmtkRate(List<String> cmd, Path out) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(cmd);
        if (out != null) {
            full.add(out.toString());
        }
        run(full); // warm the page cache
        long t0 = System.nanoTime();
        for (int i = 0; i < dcmtkRuns; i++) {
            run(full);
        }
        return dcmtkRuns / ((System.nanoTime() - t0) / 1e9);
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new MedvlException(String.join(" ", cmd) + " failed");
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
