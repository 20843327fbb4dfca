package org.medvl.data.format;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.medvl.data.LoadContext;

/** Folder look-ups loaders share: image folders under several names, and listing a folder's data files. */
final class Folders {
    private Folders() {
    }

    /** The first existing folder of the candidates, else the first candidate (images then report as missing). */
    static Path first(LoadContext ctx, String... candidates) {
        Path p = ctx.firstExisting(candidates);
        return p != null ? p : ctx.file(candidates[0]);
    }

    /** The files of {@code dir} whose name passes {@code name}, sorted; empty (logged) when unreadable or absent. */
    static List<Path> list(LoadContext ctx, Path dir, Predicate<String> name) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> name.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            ctx.problems().skipped(dir, 0, null, "cannot list: " + e.getMessage());
            return List.of();
        }
    }

    static Predicate<String> endsWith(String suffix) {
        return n -> n.endsWith(suffix);
    }
}
