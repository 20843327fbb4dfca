package org.medvl.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.Split;
import org.medvl.data.io.BadRecord;

/**
 * What a loader gets: the spec, the dataset root and the problem log, plus the path rules every loader shares
 * (image paths resolve inside the root and never escape it).
 */
public final class LoadContext {
    private final DatasetSpec spec;
    private final Path root;
    private final ProblemLog problems;

    public LoadContext(DatasetSpec spec, ProblemLog problems) {
        this.spec = spec;
        this.root = spec.path().toAbsolutePath().normalize();
        this.problems = problems;
    }

    public DatasetSpec spec() {
        return spec;
    }

    /** The dataset folder, absolute and normalised (for a manifest: the manifest file). */
    public Path root() {
        return root;
    }

    public ProblemLog problems() {
        return problems;
    }

    /** Whether records of this split are wanted, so loaders can skip whole split files. */
    public boolean wants(Split s) {
        return spec.split().map(w -> w == s).orElse(true);
    }

    /** A file under the root. */
    public Path file(String relative) {
        return root.resolve(relative).normalize();
    }

    /** The first of the given files that exists under the root, or null. */
    public Path firstExisting(String... relatives) {
        for (String r : relatives) {
            Path p = root.resolve(r).normalize();
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Resolves an image path from a record against {@code base} (a folder inside the root) and checks that it stays
     * inside the dataset root: "../../etc/passwd" or an absolute path elsewhere is a bad record.
     */
    public String imagePath(Path base, String path) {
        if (path == null || path.isBlank()) {
            throw new BadRecord("empty image path");
        }
        if (base.startsWith(root) && isPlainRelative(path)) {
            // Fast path for the common case (millions of records in PMC-OA, Quilt): joining strings gives the same
            // normalised path as Path.resolve().normalize() when there is no "." / ".." segment or leading '/'.
            return base + "/" + path;
        }
        Path p;
        try {
            p = base.resolve(path.trim()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new BadRecord("invalid image path '" + path + "'");
        }
        if (!p.startsWith(root)) {
            throw new BadRecord("image path '" + path + "' escapes the dataset root " + root);
        }
        return p.toString();
    }

    /** No leading '/', no '\', no empty, "." or ".." segment, no surrounding spaces: safe to join as text. */
    static boolean isPlainRelative(String path) {
        int n = path.length();
        if (path.charAt(0) == '/' || path.charAt(n - 1) == '/' || path.charAt(0) == ' ' || path.charAt(n - 1) == ' ') {
            return false;
        }
        int segStart = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? path.charAt(i) : '/';
            if (c == '\\' || c == '\0') {
                return false;
            }
            if (c == '/') {
                int len = i - segStart;
                if (len == 0 || (len == 1 && path.charAt(segStart) == '.')
                        || (len == 2 && path.charAt(segStart) == '.' && path.charAt(segStart + 1) == '.')) {
                    return false;
                }
                segStart = i + 1;
            }
        }
        return true;
    }

    /** An image reference for a path under {@code base}, id = file stem. */
    public ImageRef image(Path base, String path) {
        String resolved = imagePath(base, path);
        return ImageRef.of(stem(resolved), resolved);
    }

    /**
     * Resolves an image given by id without extension to whichever of the extensions exists (MedPix 2.0 records name
     * images by id; copies may store them as .png or .jpg); the first extension when none exists, so the image is
     * then reported missing.
     */
    public String imageByStem(Path dir, String id, List<String> extensions) {
        String first = null;
        for (String ext : extensions) {
            String p = imagePath(dir, id + ext);
            if (first == null) {
                first = p;
            }
            if (Files.exists(Path.of(p))) {
                return p;
            }
        }
        return first;
    }

    /** File name without folder and extension. */
    public static String stem(String path) {
        String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
