package org.medvl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Version and build commit, read from resources written at build time. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        Properties version = load("version.properties");
        Properties git = load("git.properties");
        String commit = git.getProperty("git.commit.id.abbrev", "unknown");
        if ("true".equals(git.getProperty("git.dirty"))) {
            commit += " (with uncommitted changes)";
        }
        return new String[] {"medvl " + version.getProperty("medvl.version", "unknown"), "commit " + commit,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }

    public static String version() {
        return load("version.properties").getProperty("medvl.version", "unknown");
    }

    private static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // absent build info is reported as "unknown"
        }
        return p;
    }
}
