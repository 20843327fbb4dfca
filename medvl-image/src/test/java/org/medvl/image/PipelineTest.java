package org.medvl.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;

class PipelineTest {
    @TempDir
    Path tmp;

    private static MedicalImage grey(int w, int h, int[] values, String photometric) {
        return new MedicalImage(ImageHeader.plain("TEST", photometric), w, h, 1, photometric, 16, false, 1, 0, 0,
                List.of(values));
    }

    @Test
    void windowFollowsDicomLinearFormula() {
        Window w = new Window(40, 80);
        // PS3.3 C.11.2.1.2.1: x <= c-0.5-(w-1)/2 -> 0; x > c-0.5+(w-1)/2 -> 1
        assertEquals(0f, w.apply(0f));
        assertEquals(0f, w.apply(0.0f + 0.0f));
        assertEquals(1f, w.apply(79.0f));
        assertEquals(((40 - 39.5) / 79 + 0.5), w.apply(40f), 1e-6);
        assertEquals(-600, Window.preset("lung").center());
        assertEquals(1500, Window.parse("-600,1500").width());
        assertThrows(MedvlException.class, () -> Window.parse("nonsense"));
        assertEquals(0.5f, new Window(100, 50, "SIGMOID").apply(100f), 1e-6);
    }

    @Test
    void tensorKeepsAspectPadsAndNormalises() {
        int[] v = new int[40 * 20];
        java.util.Arrays.fill(v, 1000);
        MedicalImage img = grey(40, 20, v, "MONOCHROME2");
        PreprocessConfig cfg = new PreprocessConfig(16, 3, new double[] {0.5}, new double[] {0.25}, "0,2000", true, 0);
        float[] t = new ImagePipeline(cfg).toTensor(img);
        assertEquals(3 * 16 * 16, t.length);
        // 40x20 -> 16x8 centred: rows 0..3 and 12..15 are padding ((0 - 0.5) / 0.25 = -2)
        assertEquals(-2f, t[0], 1e-6);
        assertEquals(-2f, t[15 * 16 + 5], 1e-6);
        float mid = (float) ((new Window(0, 2000).apply(1000f) - 0.5) / 0.25);
        assertEquals(mid, t[8 * 16 + 8], 1e-5);
        assertEquals(mid, t[2 * 256 + 8 * 16 + 8], 1e-5);
    }

    @Test
    void monochrome1IsInverted() {
        int[] v = {0, 4095};
        float[] m2 = new ImagePipeline(new PreprocessConfig(2, 1, null, null, "2048,4096", false, 0))
                .toTensor(grey(2, 1, v, "MONOCHROME2"));
        float[] m1 = new ImagePipeline(new PreprocessConfig(2, 1, null, null, "2048,4096", false, 0))
                .toTensor(grey(2, 1, v, "MONOCHROME1"));
        assertTrue(m2[0] < m2[1] && m1[0] > m1[1]);
        assertEquals(1f, m1[0] + m2[0], 1e-6);
    }

    @Test
    void sixteenBitPngKeepsItsValues() throws Exception {
        BufferedImage img = new BufferedImage(30, 20, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 30; x++) {
                img.getRaster().setSample(x, y, 0, x * 2000 + y);
            }
        }
        Path p = tmp.resolve("ct16.png");
        ImageIO.write(img, "png", p.toFile());
        MedicalImage m = MedicalImages.read(p);
        assertEquals("PNG", m.header().format());
        assertEquals(16, m.bitsStored());
        assertEquals(29 * 2000 + 19, m.storedValues(0)[19 * 30 + 29]);
    }

    @Test
    void pipelineIsThreadSafeAndDeterministic() throws Exception {
        ImagePipeline pipe = new ImagePipeline(PreprocessConfig.imagenet(64));
        Path ct = Samples.file("CT_small.dcm");
        float[] ref = pipe.toTensor(ct);
        ExecutorService ex = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> fs = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                fs.add(ex.submit(() -> pipe.toTensor(ct)));
            }
            for (Future<float[]> f : fs) {
                assertArrayEquals(ref, f.get());
            }
        } finally {
            ex.shutdown();
        }
    }

    @Test
    void configSerialisesToJson() throws Exception {
        PreprocessConfig cfg = new PreprocessConfig(224, 3, new double[] {0.485, 0.456, 0.406},
                new double[] {0.229, 0.224, 0.225}, "lung", true, 0);
        ObjectMapper om = new ObjectMapper();
        String json = om.writeValueAsString(cfg);
        assertEquals(cfg, om.readValue(json, PreprocessConfig.class));
        assertThrows(MedvlException.class, () -> new PreprocessConfig(224, 2, null, null, "auto", true, 0));
    }

    @Test
    void displayUsesHeaderWindowAndPreset() {
        MedicalImage ct = MedicalImages.read(Samples.file("CT_small.dcm"));
        ImagePipeline pipe = new ImagePipeline(PreprocessConfig.grey(1));
        BufferedImage lung = pipe.toDisplay(ct, 0, Window.preset("lung"));
        BufferedImage bone = pipe.toDisplay(ct, 0, Window.preset("bone"));
        assertEquals(128, lung.getWidth());
        int x = 64;
        int y = 64;
        // same stored value, different window: the two renderings differ somewhere
        boolean differs = false;
        for (int i = 0; i < 128 && !differs; i++) {
            differs = (lung.getRaster().getSample(i, y, 0) != bone.getRaster().getSample(i, y, 0));
        }
        assertTrue(differs && x == 64);
    }
}
