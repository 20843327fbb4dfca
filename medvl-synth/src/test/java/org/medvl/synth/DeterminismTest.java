package org.medvl.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.core.record.Split;

class DeterminismTest {
    private static final SynthConfig SMALL = SynthConfig.DEFAULT.withSize(128);

    @Test
    void sameSeedGivesIdenticalCases() {
        SynthGenerator a = new SynthGenerator(SMALL);
        SynthGenerator b = new SynthGenerator(SMALL);
        for (int i : new int[] {0, 3, 17}) {
            SynthCase x = a.generate(i, "p.png");
            SynthCase y = b.generate(i, "p.png");
            assertArrayEquals(Png.encode(x.image()), Png.encode(y.image()), "png of case " + i);
            assertEquals(x.report(), y.report());
            assertEquals(x.vqa(), y.vqa());
            assertEquals(x.findings(), y.findings());
        }
    }

    @Test
    void differentSeedsDiffer() {
        SynthCase x = new SynthGenerator(SMALL).generate(0, "p.png");
        SynthCase y = new SynthGenerator(SMALL.withSeed(2)).generate(0, "p.png");
        assertFalse(java.util.Arrays.equals(x.image().pixels(), y.image().pixels()));
        assertNotEquals(x.anatomy(), y.anatomy());
    }

    @Test
    void writtenFoldersAreByteIdenticalAndOrderIndependentOfThreads(@TempDir Path tmp) throws Exception {
        SynthDatasetWriter.Summary s = SynthDatasetWriter.write(SMALL, 24, tmp.resolve("a"), false, 1);
        SynthDatasetWriter.write(SMALL, 24, tmp.resolve("b"), false, 3);
        TreeMap<String, byte[]> a = files(tmp.resolve("a"));
        TreeMap<String, byte[]> b = files(tmp.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
        assertTrue(a.containsKey("images/synth-000001.png") && a.containsKey("images/synth-000024.png"));
        for (String f : List.of("README.txt", "reports.jsonl", "pairs.jsonl", "vqa.jsonl", "ground_truth.jsonl", "labels.csv")) {
            assertTrue(a.containsKey(f), f);
        }
        assertTrue(new String(a.get("README.txt")).startsWith("*** SYNTHETIC DATA - NOT FOR CLINICAL USE ***"));
        assertEquals(24, s.perSplit().values().stream().mapToInt(Integer::intValue).sum());
        System.out.printf("synth: 24 images of 128x128 in %.2f s = %.1f images/s (1 thread, PNG written)%n",
                s.seconds(), s.imagesPerSecond());
    }

    @Test
    void neverReplacesAFolderItDidNotMake(@TempDir Path tmp) throws Exception {
        Path user = tmp.resolve("user");
        Files.createDirectories(user);
        Files.writeString(user.resolve("notes.txt"), "mine");
        assertThrows(MedvlException.class, () -> SynthDatasetWriter.write(SMALL, 2, user, false, 1));
        MedvlException e = assertThrows(MedvlException.class, () -> SynthDatasetWriter.write(SMALL, 2, user, true, 1));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertEquals("mine", Files.readString(user.resolve("notes.txt")));
        Path gen = tmp.resolve("gen");
        SynthDatasetWriter.write(SMALL, 2, gen, false, 1);
        assertThrows(MedvlException.class, () -> SynthDatasetWriter.write(SMALL, 3, gen, false, 1));
        SynthDatasetWriter.write(SMALL, 3, gen, true, 1);
        assertTrue(Files.exists(gen.resolve("images/synth-000003.png")));
    }

    @Test
    void masksMatchTheRenderedGroundTruth(@TempDir Path tmp) throws Exception {
        SynthDatasetWriter.write(SMALL, 2, tmp.resolve("m"), false, 1, true);
        SynthImage img = new SynthGenerator(SMALL).image(1);
        var heart = javax.imageio.ImageIO.read(tmp.resolve("m/masks/synth-000002-heart.png").toFile());
        int[] px = heart.getRaster().getPixels(0, 0, 128, 128, (int[]) null);
        for (int i = 0; i < px.length; i++) {
            assertEquals(img.heart()[i] > 0.5f ? 255 : 0, px[i], "heart mask pixel " + i);
        }
        assertTrue(Files.exists(tmp.resolve("m/masks/synth-000002-lungs.png")));
    }

    @Test
    void sixteenBitPngsKeepTheFullRange() throws Exception {
        SynthImage img = new SynthGenerator(SMALL.withBits(16)).image(0);
        var decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(Png.encode(img)));
        assertEquals(16, decoded.getColorModel().getComponentSize(0));
        int[] px = decoded.getRaster().getPixels(0, 0, 128, 128, (int[]) null);
        assertArrayEquals(img.pixels(), px);
        assertEquals(65535, java.util.Arrays.stream(px).max().orElseThrow()); // the burned-in marker
        assertTrue(java.util.Arrays.stream(px).distinct().count() > 1000, "16-bit image uses few grey levels");
    }

    @Test
    void splitsFollowTheirFractions() {
        SynthGenerator g = new SynthGenerator(SynthConfig.DEFAULT);
        int[] n = new int[4];
        for (int i = 0; i < 1000; i++) {
            n[g.split(i).ordinal()]++;
        }
        assertEquals(800, n[Split.TRAIN.ordinal()], 5);
        assertEquals(100, n[Split.VALIDATION.ordinal()], 5);
        assertEquals(100, n[Split.TEST.ordinal()], 5);
    }

    private static TreeMap<String, byte[]> files(Path root) throws Exception {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
