package org.medvl.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.medvl.image.codec.CodecException;
import org.medvl.image.codec.DecodedFrame;
import org.medvl.image.codec.JpegDecoder;
import org.medvl.image.codec.JpegLosslessEncoder;
import org.medvl.image.codec.RleCodec;

/** Lossless codecs give back exactly what went in, for every predictor and bit depth; corrupt data fails clearly. */
class CodecRoundTripTest {
    @Test
    void jpegLosslessAllPredictorsAndPrecisions() {
        Random rnd = new Random(7);
        for (int precision : new int[] {8, 12, 16}) {
            for (int predictor = 1; predictor <= 7; predictor++) {
                int w = 37;
                int h = 23;
                int[] s = new int[w * h];
                for (int i = 0; i < s.length; i++) { // smooth ramp plus noise, and some extreme jumps
                    s[i] = Math.floorMod((i % w) * 50 + (i / w) * 30 + rnd.nextInt(64) + (i % 97 == 0 ? 30000 : 0),
                            1 << precision);
                }
                byte[] jpeg = JpegLosslessEncoder.encode(s, w, h, precision, predictor);
                DecodedFrame d = JpegDecoder.decode(jpeg, 1 << 20);
                assertArrayEquals(s, d.samples(), "P=" + precision + " predictor " + predictor);
            }
        }
    }

    @Test
    void rleRoundTrip() {
        Random rnd = new Random(3);
        int w = 50;
        int h = 31;
        for (int bytes : new int[] {1, 2, 4}) {
            for (int spp : new int[] {1, 3}) {
                int[] s = new int[w * h * spp];
                for (int i = 0; i < s.length; i++) {
                    s[i] = rnd.nextInt(5) == 0 ? rnd.nextInt() : (i / 40) * 1234567;
                    if (bytes < 4) {
                        s[i] &= (1 << (8 * bytes)) - 1;
                    }
                }
                byte[] rle = RleCodec.encode(s, h, w, spp, bytes);
                assertArrayEquals(s, RleCodec.decode(rle, h, w, spp, bytes), bytes + " bytes, " + spp + " samples");
            }
        }
    }

    @Test
    void truncatedStreamsFailClearly() {
        int[] s = new int[64 * 64];
        java.util.Arrays.fill(s, 100);
        byte[] jpeg = JpegLosslessEncoder.encode(s, 64, 64, 16, 1);
        assertThrows(CodecException.class, () -> JpegDecoder.decode(java.util.Arrays.copyOf(jpeg, 20), 1 << 20));
        byte[] rle = RleCodec.encode(s, 64, 64, 1, 2);
        assertThrows(CodecException.class, () -> RleCodec.decode(java.util.Arrays.copyOf(rle, 70), 64, 64, 1, 2));
    }
}
