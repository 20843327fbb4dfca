package org.medvl.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared public datasets: $MEDVL_DATA, then the system property {@code medvl.data}, then ../shared/data
 * from the working directory (or its parent, for tests that run inside a module directory).
 */
public final class SharedData {
    private SharedData() {
    }

    public static Optional<Path> root() {
        String env = System.getenv("MEDVL_DATA");
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        String prop = System.getProperty("medvl.data");
        if (prop != null && !prop.isBlank() && Files.isDirectory(Path.of(prop))) {
            return Optional.of(Path.of(prop).normalize());
        }
        for (String candidate : new String[] {"../shared/data", "../../shared/data"}) {
            Path p = Path.of(candidate);
            if (Files.isDirectory(p)) {
                return Optional.of(p.toAbsolutePath().normalize());
            }
        }
        return Optional.empty();
    }

    /** A dataset folder under the shared root, when present. */
    public static Optional<Path> dataset(String name) {
        return root().map(r -> r.resolve(name)).filter(Files::isDirectory);
    }

    /** The message tests print when they skip for lack of data. */
    public static String missingMessage(String name) {
        return "shared dataset '" + name + "' not found: set MEDVL_DATA or place it at ../shared/data/" + name;
    }
}
