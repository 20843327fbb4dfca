package org.medvl.image.dicom;

/** YBR_FULL to RGB (PS3.3 C.7.6.3.1.2, the JFIF/ITU-R BT.601 full-range equations), in place. */
final class Ybr {
    private Ybr() {
    }

    static void toRgb(int[] s, int bits) {
        int max = (1 << Math.min(bits, 16)) - 1;
        double half = 1 << (Math.min(bits, 16) - 1);
        for (int i = 0; i + 2 < s.length; i += 3) {
            double y = s[i];
            double cb = s[i + 1] - half;
            double cr = s[i + 2] - half;
            s[i] = clamp(y + 1.402 * cr, max);
            s[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr, max);
            s[i + 2] = clamp(y + 1.772 * cb, max);
        }
    }

    private static int clamp(double v, int max) {
        long r = Math.round(v);
        return r < 0 ? 0 : r > max ? max : (int) r;
    }
}
