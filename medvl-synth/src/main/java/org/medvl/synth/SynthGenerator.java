package org.medvl.synth;

import java.util.SplittableRandom;
import org.medvl.core.record.Split;

/**
 * Generates synthetic cases one index at a time. Each case depends only on (seed, index), so cases can be made in any
 * order or in parallel and are byte-identical across runs; findings, anatomy, pixels and text draw from separate
 * random streams, so rewording a template never changes an image.
 */
public final class SynthGenerator {
    private final SynthConfig config;
    private final FindingSampler sampler;

    public SynthGenerator(SynthConfig config) {
        this.config = config;
        this.sampler = new FindingSampler(config.prevalence());
    }

    public SynthConfig config() {
        return config;
    }

    /** The id of case {@code index}: "synth-000042" (1-based, zero-padded to six digits). */
    public static String id(int index) {
        return String.format("synth-%06d", index + 1);
    }

    /** The split of case {@code index}: a low-discrepancy sequence, so each split gets its fraction at any count. */
    public Split split(int index) {
        double x = ((index + 1) * 0.6180339887498949) % 1.0;
        if (x < config.testFraction()) {
            return Split.TEST;
        }
        return x < config.testFraction() + config.validationFraction() ? Split.VALIDATION : Split.TRAIN;
    }

    /** Findings and anatomy of case {@code index}, without rendering (cheap). */
    public Findings findings(int index) {
        return sampleFindings(index, anatomy(index));
    }

    /** Anatomy, positioning and exposure of case {@code index}. */
    public Anatomy anatomy(int index) {
        SplittableRandom fr = stream(index, 1);
        double ctr = sampler.ctr(fr);
        return Anatomy.sample(stream(index, 2), ctr);
    }

    private Findings sampleFindings(int index, Anatomy a) {
        SplittableRandom fr = stream(index, 1);
        sampler.ctr(fr); // same draw as in anatomy(), keeps the finding stream aligned
        return sampler.sample(fr, a);
    }

    /** The full case: image, report and VQA pairs; {@code imagePath} is what the records refer to. */
    public SynthCase generate(int index, String imagePath) {
        Anatomy a = anatomy(index);
        Findings f = sampleFindings(index, a);
        SynthImage img = Radiograph.render(a, f, config.size(), config.bits(), stream(index, 3));
        String id = id(index);
        Split split = split(index);
        var report = new ReportWriter(stream(index, 4)).write(f, a);
        var vqa = new VqaWriter(stream(index, 5)).write(id, imagePath, split, f);
        return new SynthCase(id, index, split, imagePath, f, a, img, report, vqa);
    }

    /** Only the report of case {@code index}, as {@link #generate} writes it (no rendering: fast). */
    public org.medvl.core.record.ReportSections report(int index) {
        Anatomy a = anatomy(index);
        return new ReportWriter(stream(index, 4)).write(sampleFindings(index, a), a);
    }

    /** Only the VQA pairs of case {@code index}, as {@link #generate} writes them (no rendering). */
    public java.util.List<org.medvl.core.record.VqaItem> vqa(int index, String imagePath) {
        return new VqaWriter(stream(index, 5)).write(id(index), imagePath, split(index), findings(index));
    }

    /** Renders only the image of case {@code index}. */
    public SynthImage image(int index) {
        Anatomy a = anatomy(index);
        return Radiograph.render(a, sampleFindings(index, a), config.size(), config.bits(), stream(index, 3));
    }

    /** An independent random stream per (seed, index, purpose), by SplitMix64 mixing. */
    private SplittableRandom stream(int index, int purpose) {
        long h = mix(config.seed() ^ 0x6A09E667F3BCC909L);
        h = mix(h + index);
        h = mix(h + purpose * 0x9E3779B97F4A7C15L);
        return new SplittableRandom(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
