package org.medvl.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian dcmtk's command-line tools when they are installed (CI installs them via .ci/run). */
final class Dcmtk {
    private Dcmtk() {
    }

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, "dcmdjpeg")) && Files.isExecutable(Path.of(dir, "dcmconv"))) {
                return true;
            }
        }
        return false;
    }

    static String missingMessage() {
        return "dcmtk not installed (apt-get install -y dcmtk): skipping parity with dcmtk";
    }

    /** Runs a tool; true when it exited 0. */
    static boolean run(String... command) {
        try {
            List<String> cmd = new ArrayList<>(List.of(command));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
