package org.medvl.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.medvl.core.io.SharedData;

/** The shared DICOM sample files, for tests that skip with a message when they are absent. */
final class Samples {
    private Samples() {
    }

    static Path root() {
        Optional<Path> d = SharedData.dataset("dicom-samples");
        Assumptions.assumeTrue(d.isPresent(), SharedData.missingMessage("dicom-samples"));
        return d.get();
    }

    static Path file(String relative) {
        return root().resolve("pydicom-test-files").resolve(relative);
    }

    /** Every file that might be DICOM (documentation, checksums, JSON and dumps left out). */
    static List<Path> dicomCandidates() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return !(n.endsWith(".md") || n.endsWith(".txt") || n.contains("COPYRIGHT") || n.equals("SHA256SUMS")
                        || n.endsWith(".json") || n.endsWith(".dump") || n.endsWith(".gz") || n.equals("README"));
            }).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path p) {
        return root().relativize(p).toString();
    }
}
