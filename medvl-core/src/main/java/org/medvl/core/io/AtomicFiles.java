package org.medvl.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.medvl.core.MedvlException;

/**
 * Writes outputs atomically: everything goes to a temporary file beside the target, which is moved into place only
 * when complete, so a crash never leaves a half-written result and never destroys the previous one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Body of an atomic write. */
    @FunctionalInterface
    public interface StreamBody {
        void write(OutputStream out) throws IOException;
    }

    /** Body of an atomic text write (UTF-8). */
    @FunctionalInterface
    public interface TextBody {
        void write(Writer out) throws IOException;
    }

    public static void write(Path target, StreamBody body) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.write(out);
            }
            ordinaryPermissions(tmp, abs);
            move(tmp, abs);
            tmp = null;
        } catch (IOException e) {
            throw new MedvlException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort; the temp name starts with '.' and ends with .tmp
                }
            }
        }
    }

    public static void writeText(Path target, TextBody body) {
        write(target, out -> {
            Writer w = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8));
            body.write(w);
            w.flush();
        });
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Atomically replaces a directory: {@code build} fills a fresh temporary sibling, which then takes its place. */
    public static void writeDirectory(Path target, java.util.function.Consumer<Path> build) {
        Path abs = target.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            Path tmp = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".");
            try {
                build.accept(tmp);
                Path old = null;
                if (Files.exists(abs)) {
                    old = abs.resolveSibling("." + abs.getFileName() + ".old-" + System.nanoTime());
                    Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
                if (old != null) {
                    deleteTree(old);
                }
            } catch (RuntimeException | IOException e) {
                deleteTree(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new MedvlException("cannot write directory " + target + ": " + e.getMessage(), e);
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new MedvlException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Temporary files are created owner-only; a finished output gets the permissions of the file it replaces, or
     * rw-r--r-- when new, as a plain file write would under the usual umask.
     */
    private static void ordinaryPermissions(Path tmp, Path target) {
        try {
            var perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
                    : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(tmp, perms);
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: keep the defaults
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
