package org.medvl.models;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The medvl version this code was built as, recorded in every checkpoint. */
public final class MedvlVersion {
    private static final String VERSION = read();

    private MedvlVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = MedvlVersion.class.getResourceAsStream("medvl-models.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
