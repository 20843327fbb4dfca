package org.medvl.cli.demo.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;

/**
 * The folder one demo run writes: {@code data/} (the synthetic set), {@code runs/} (training runs, resumable),
 * {@code models/clip|report|vqa} (the finished models, the layout {@code medvl serve --models} reads),
 * {@code predictions/} and {@code summary.json}. A {@value #MARKER} file holding the settings marks a folder as a
 * demo's own. A user's folder is never replaced: a folder without the marker is refused even with {@code --force};
 * with the marker and the same settings the run resumes (finished steps are reused); with other settings it is
 * refused unless {@code --force} is given, which then replaces it.
 */
public final class DemoFolder {
    public static final String MARKER = ".medvl-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final boolean resumed;

    private DemoFolder(Path root, boolean resumed) {
        this.root = root;
        this.resumed = resumed;
    }

    /** Opens {@code dir} for a run with {@code settings}: creates, resumes or (with force) replaces it, or refuses. */
    public static DemoFolder open(Path dir, DemoSettings settings, boolean force) {
        boolean resumed = false;
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new MedvlException(dir + " exists and is not a folder; choose another --out");
            }
            if (!isEmpty(dir)) {
                Path marker = dir.resolve(MARKER);
                if (!Files.isRegularFile(marker)) {
                    throw new MedvlException(dir + " is not empty and was not made by medvl demo (no " + MARKER
                            + " file); choose another --out (refusing to touch it even with --force)");
                }
                DemoSettings before = read(marker);
                if (settings.equals(before)) {
                    resumed = true;
                } else if (force) {
                    AtomicFiles.deleteTree(dir);
                } else {
                    throw new MedvlException(dir + " holds a demo run with other settings (" + describe(before)
                            + "); choose another --out, or pass --force to replace it");
                }
            }
        }
        try {
            Files.createDirectories(dir);
            if (!resumed) {
                AtomicFiles.writeString(dir.resolve(MARKER),
                        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(settings));
            }
        } catch (IOException e) {
            throw new MedvlException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return new DemoFolder(dir, resumed);
    }

    public Path root() {
        return root;
    }

    /** True when an earlier run with the same settings made this folder. */
    public boolean resumed() {
        return resumed;
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path models() {
        return root.resolve("models");
    }

    public Path model(String task) {
        return models().resolve(task);
    }

    public Path run(String task) {
        return root.resolve("runs").resolve(task);
    }

    /** What the models wrote for the held-out records (reports.tsv, vqa.tsv). */
    public Path predictions() {
        return root.resolve("predictions");
    }

    public Path summary() {
        return root.resolve("summary.json");
    }

    /** The settings in a marker, or null when it cannot be read (e.g. written by another medvl version). */
    private static DemoSettings read(Path marker) {
        try {
            return JSON.readValue(marker.toFile(), DemoSettings.class);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String describe(DemoSettings s) {
        return s == null ? "settings unreadable" : s.synthetic() ? "seed " + s.seed() + ", " + s.images() + " synthetic images" : "data " + s.data();
    }

    private static boolean isEmpty(Path dir) {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new MedvlException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }
}
