package org.medvl.image.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medvl.image.dicom.Dictionary;
import org.medvl.image.dicom.Vr;

/**
 * The attributes of DICOM PS3.15 Annex E Table E.1-1 (Basic Application Level Confidentiality Profile) with the
 * action medvl takes for each, loaded from {@code basic-profile.tsv}.
 */
public final class ConfidentialityProfile {
    /** What to do with an attribute (PS3.15 E.1.1 action codes). */
    public enum Action {
        /** X: remove. */ REMOVE,
        /** Z: replace with a zero-length value. */ EMPTY,
        /** D: replace with a non-zero-length dummy value. */ DUMMY,
        /** U: replace the UID with another, consistently within the run. */ REMAP_UID,
        /** K: keep, cleaning the items inside. */ KEEP
    }

    /** One row of the table. */
    public record Entry(int tag, Vr vr, Action action, String keyword) {
    }

    private static final Map<Integer, Entry> ENTRIES = load();

    private ConfidentialityProfile() {
    }

    public static Entry entry(int tag) {
        return ENTRIES.get(tag);
    }

    public static Map<Integer, Entry> entries() {
        return Collections.unmodifiableMap(ENTRIES);
    }

    private static Map<Integer, Entry> load() {
        Map<Integer, Entry> m = new LinkedHashMap<>();
        try (InputStream in = Dictionary.class.getResourceAsStream("basic-profile.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                Action a;
                switch (f[2]) {
                    case "X": a = Action.REMOVE; break;
                    case "Z": a = Action.EMPTY; break;
                    case "D": a = Action.DUMMY; break;
                    case "U": a = Action.REMAP_UID; break;
                    default: a = Action.KEEP; break;
                }
                int tag = Dictionary.parseTag(f[0]);
                m.put(tag, new Entry(tag, Vr.valueOf(f[1]), a, f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }
}
