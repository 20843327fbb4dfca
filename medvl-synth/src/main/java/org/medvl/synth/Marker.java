package org.medvl.synth;

/**
 * Burns text into a pixel buffer with a built-in 5x7 bitmap font, so the "SYNTHETIC" label is identical on every
 * machine (system fonts differ between machines; this does not).
 */
final class Marker {
    private static final String LETTERS = "SYNTHEICL";
    private static final String[] GLYPHS = {
        "01111,10000,10000,01110,00001,00001,11110", // S
        "10001,10001,01010,00100,00100,00100,00100", // Y
        "10001,11001,10101,10011,10001,10001,10001", // N
        "11111,00100,00100,00100,00100,00100,00100", // T
        "10001,10001,10001,11111,10001,10001,10001", // H
        "11111,10000,10000,11110,10000,10000,11111", // E
        "01110,00100,00100,00100,00100,00100,01110", // I
        "01111,10000,10000,10000,10000,10000,01111", // C
        "10000,10000,10000,10000,10000,10000,11111", // L
    };

    private Marker() {
    }

    /** Width in pixels of {@code text} at this scale. */
    static int width(String text, int scale) {
        return text.length() * 6 * scale - scale;
    }

    /**
     * Draws {@code text} with its top-left corner at (x, y): glyph pixels set to {@code ink}, with a one-pixel halo of
     * {@code halo} so it stays legible on bright and dark anatomy alike.
     */
    static void draw(int[] pixels, int size, String text, int x, int y, int scale, int ink, int halo) {
        for (int pass = 0; pass < 2; pass++) {
            for (int c = 0; c < text.length(); c++) {
                int g = LETTERS.indexOf(text.charAt(c));
                if (g < 0) {
                    throw new IllegalArgumentException("no glyph for '" + text.charAt(c) + "'");
                }
                String[] rows = GLYPHS[g].split(",");
                for (int ry = 0; ry < 7; ry++) {
                    for (int rx = 0; rx < 5; rx++) {
                        if (rows[ry].charAt(rx) == '1') {
                            int px = x + (c * 6 + rx) * scale;
                            int py = y + ry * scale;
                            if (pass == 0) {
                                fill(pixels, size, px - 1, py - 1, scale + 2, halo);
                            } else {
                                fill(pixels, size, px, py, scale, ink);
                            }
                        }
                    }
                }
            }
        }
    }

    private static void fill(int[] pixels, int size, int x, int y, int w, int value) {
        for (int yy = Math.max(0, y); yy < Math.min(size, y + w); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(size, x + w); xx++) {
                pixels[yy * size + xx] = value;
            }
        }
    }
}
