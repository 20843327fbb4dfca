package org.medvl.image;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.medvl.core.MedvlException;

/**
 * Mutates sample files (truncation, flipped bytes, absurd lengths, huge dimensions) thousands of times: every case
 * must end in a decoded image or a {@link MedvlException} naming the input, within a memory cap and in bounded time.
 */
class FuzzTest {
    private static final int CASES = 6000;
    /** 16 Mi samples (64 MiB of ints): every declared size above it must be refused before allocation. */
    private static final ImageLimits LIMITS = new ImageLimits(64L << 20, 16L << 20, 4096);

    @Test
    void mutatedFilesEndInAnImageOrAClearError() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String f : List.of("MR_small.dcm", "MR_small_RLE.dcm", "MR_small_implicit.dcm", "MR_small_expb.dcm",
                "MR_small_jpeg_ls_lossless.dcm", "MR_small_jp2klossless.dcm", "JPGExtended.dcm", "SC_rgb_jpeg_gdcm.dcm",
                "SC_rgb_dcmtk_+eb+cy+np.dcm", "SC_rgb_rle_2frame.dcm", "image_dfl.dcm", "liver_1frame.dcm",
                "rtdose.dcm", "SC_ybr_full_422_uncompressed.dcm", "rtplan.dcm")) {
            seeds.add(Files.readAllBytes(Samples.file(f)));
        }
        seeds.add(png16());
        Random rnd = new Random(20261128);
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(150), () -> {
            for (int i = 0; i < CASES; i++) {
                byte[] seed = seeds.get(rnd.nextInt(seeds.size()));
                byte[] m = mutate(seed, rnd);
                String name = "case-" + i;
                try {
                    MedicalImage img = MedicalImages.decode(m, name, 0, rnd.nextBoolean() ? 1 : -1, LIMITS);
                    assertTrue((long) img.width() * img.height() * img.samplesPerPixel() * img.frameCount()
                            <= LIMITS.maxSamples());
                    outcome[0]++;
                } catch (MedvlException e) {
                    if (e.getMessage() == null || !e.getMessage().startsWith(name + ":")) {
                        fail("error does not name the input: " + e.getMessage());
                    }
                    outcome[1]++;
                } catch (Throwable t) {
                    fail("case " + i + " ended in " + t, t);
                }
            }
        });
        assertTrue(outcome[0] + outcome[1] == CASES);
        assertTrue(outcome[0] > 100 && outcome[1] > 100, "decoded " + outcome[0] + ", errors " + outcome[1]);
    }

    private static byte[] mutate(byte[] seed, Random rnd) {
        byte[] b = seed.clone();
        switch (rnd.nextInt(7)) {
            case 0: // truncate
                return java.util.Arrays.copyOf(b, rnd.nextInt(b.length));
            case 1: { // flip a few bytes
                int n = 1 + rnd.nextInt(8);
                for (int k = 0; k < n; k++) {
                    b[rnd.nextInt(b.length)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return b;
            }
            case 2: { // random bytes in the compressed stream / pixel data
                int at = b.length / 2 + rnd.nextInt(b.length / 2);
                int n = 1 + rnd.nextInt(32);
                for (int k = 0; k < n && at + k < b.length; k++) {
                    b[at + k] = (byte) rnd.nextInt(256);
                }
                return b;
            }
            case 3: { // absurd length: overwrite a 32-bit field after a known tag or at random
                int at = rnd.nextInt(Math.max(1, b.length - 4));
                int v = rnd.nextBoolean() ? 0xFFFFFFF0 : rnd.nextInt();
                b[at] = (byte) v;
                b[at + 1] = (byte) (v >>> 8);
                b[at + 2] = (byte) (v >>> 16);
                b[at + 3] = (byte) (v >>> 24);
                return b;
            }
            case 4: // huge dimensions: Rows/Columns 65535 (their VR's maximum) and many frames
                return hugeDimensions(b, rnd);
            case 5: { // duplicate a chunk (shifts everything after it)
                int at = rnd.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + rnd.nextInt(64));
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at + n);
                System.arraycopy(b, at, out, at + n, b.length - at);
                return out;
            }
            default: { // delete a chunk
                int at = rnd.nextInt(b.length);
                int n = Math.min(b.length - at, 1 + rnd.nextInt(64));
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                return out;
            }
        }
    }

    /** Sets (0028,0010/0011) to 65535 and Number of Frames to a large value where they are found (LE files). */
    private static byte[] hugeDimensions(byte[] b, Random rnd) {
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P') { // PNG: IHDR width/height 100000 x 100000
            for (int i = 12; i < 20; i += 4) {
                b[i] = 0;
                b[i + 1] = 0x01;
                b[i + 2] = (byte) 0x86;
                b[i + 3] = (byte) 0xA0;
            }
            return b;
        }
        for (int i = 0; i + 10 < b.length; i++) {
            if (b[i] == 0x28 && b[i + 1] == 0 && (b[i + 2] == 0x10 || b[i + 2] == 0x11) && b[i + 3] == 0) {
                int valueAt = b[i + 4] == 'U' && b[i + 5] == 'S' ? i + 8 : i + 8;
                if (valueAt + 1 < b.length && rnd.nextInt(4) != 0) {
                    b[valueAt] = (byte) 0xFF;
                    b[valueAt + 1] = (byte) 0xFF;
                }
            }
            if (b[i] == 0x28 && b[i + 1] == 0 && b[i + 2] == 0x08 && b[i + 3] == 0) {
                byte[] many = "99999".getBytes(StandardCharsets.US_ASCII);
                int valueAt = i + 8;
                for (int k = 0; k < Math.min(2, many.length) && valueAt + k < b.length; k++) {
                    b[valueAt + k] = many[k];
                }
            }
        }
        return b;
    }

    private static byte[] png16() throws Exception {
        BufferedImage img = new BufferedImage(48, 40, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 48; x++) {
                img.getRaster().setSample(x, y, 0, x * 1000 + y);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }
}
