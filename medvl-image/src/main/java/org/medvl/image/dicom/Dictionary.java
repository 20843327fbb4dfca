package org.medvl.image.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The part of the PS3.6 data dictionary medvl needs: VRs for implicit VR datasets and keywords for messages. It holds
 * the image pixel, VOI and header attributes medvl reads and every attribute of the PS3.15 de-identification table;
 * other tags read as UN (their bytes are kept unchanged).
 */
public final class Dictionary {
    private static final Map<Integer, Vr> VRS = new HashMap<>();
    private static final Map<Integer, String> KEYWORDS = new HashMap<>();

    static {
        load("dictionary.tsv", 1, 2);
        load("basic-profile.tsv", 1, 3);
    }

    private Dictionary() {
    }

    /** The VR of a tag: UL for group lengths, the dictionary's VR, else UN. */
    public static Vr vr(int tag) {
        if ((tag & 0xFFFF) == 0) {
            return Vr.UL;
        }
        Vr vr = VRS.get(tag);
        if (vr == null && (tag >>> 16 & 0xFF00) == 0x6000) {
            vr = VRS.get(tag & 0xFF00FFFF); // repeating groups 60xx (overlays)
        }
        return vr == null ? Vr.UN : vr;
    }

    /** The keyword of a tag, or its {@code (gggg,eeee)} form. */
    public static String keyword(int tag) {
        String k = KEYWORDS.get(tag);
        return k == null ? DicomElement.tagString(tag) : k;
    }

    /** Parses {@code gggg,eeee} into a tag. */
    public static int parseTag(String s) {
        String t = s.trim().replace("(", "").replace(")", "");
        return Integer.parseInt(t.substring(0, 4), 16) << 16 | Integer.parseInt(t.substring(5, 9), 16);
    }

    private static void load(String resource, int vrColumn, int keywordColumn) {
        try (InputStream in = Dictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                int tag = parseTag(f[0]);
                VRS.putIfAbsent(tag, Vr.valueOf(f[vrColumn]));
                KEYWORDS.putIfAbsent(tag, f[keywordColumn]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
