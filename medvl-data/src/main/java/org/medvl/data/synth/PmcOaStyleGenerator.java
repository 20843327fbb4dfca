package org.medvl.data.synth;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a synthetic file in PMC-OA's published JSONL layout ({"image", "caption", "pmcid", "url_name"} per line)
 * for scale tests and benchmarks: captions of 8..80 words drawn from a radiology/pathology vocabulary, deterministic
 * for a seed. No image files are written.
 */
public final class PmcOaStyleGenerator {
    private static final String[] WORDS = ("a the of and with in on to showing axial coronal sagittal ct mri mr x-ray "
            + "ultrasound image scan slice lesion mass nodule opacity effusion fracture tumor cyst enhancement contrast "
            + "arrow arrows indicates left right upper lower lobe liver kidney brain lung heart vessel artery vein bone "
            + "tissue cells staining hematoxylin eosin magnification scale bar shows panel figure patient year-old male "
            + "female case follow-up after before treatment normal abnormal diffuse focal multiple small large "
            + "hyperintense hypointense signal weighted t1 t2 flair diffusion pet uptake biopsy specimen section").split(" ");

    private PmcOaStyleGenerator() {
    }

    /** Writes {@code records} lines to {@code file} and returns its size in bytes. */
    public static long write(Path file, long records, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder sb = new StringBuilder(1024);
            for (long i = 0; i < records; i++) {
                long pmc = 100_000 + i / 6;
                int fig = (int) (i % 6) + 1;
                sb.setLength(0);
                sb.append("{\"image\": \"PMC").append(pmc).append("_Fig").append(fig).append('_').append(i % 4 + 1)
                        .append(".jpg\", \"caption\": \"");
                int n = 8 + rnd.nextInt(73);
                for (int k = 0; k < n; k++) {
                    if (k > 0) {
                        sb.append(' ');
                    }
                    String word = WORDS[rnd.nextInt(WORDS.length)];
                    sb.append(k == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                }
                sb.append(".\", \"pmcid\": \"PMC").append(pmc).append("\", \"url_name\": \"").append(pmc)
                        .append("-g00").append(fig).append(".jpg\"}\n");
                w.append(sb);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
