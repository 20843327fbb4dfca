package org.medvl.index;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexNotFoundException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.medvl.core.MedvlException;

/** Opens index directories and turns Lucene's failures into one-line errors that name the directory. */
final class IndexDirectories {
    private IndexDirectories() {
    }

    /** Opens the Lucene directory at {@code dir}, which must exist and hold a medvl index. */
    static Directory openExisting(Path dir) {
        if (!Files.exists(dir)) {
            throw new MedvlException("index directory not found: " + dir + " (build one with 'medvl index build')");
        }
        if (!Files.isDirectory(dir)) {
            throw new MedvlException("index path " + dir + " is a file, not an index directory");
        }
        try {
            return FSDirectory.open(dir);
        } catch (IOException e) {
            throw new MedvlException("cannot open index directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The metadata of the latest commit in {@code directory}. */
    static IndexMeta readMeta(Directory directory, Path dir) {
        try {
            return IndexMeta.fromUserData(SegmentInfos.readLatestCommit(directory).getUserData(), dir.toString());
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    static DirectoryReader openReader(Directory directory, Path dir) {
        try {
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw failure(dir, e);
        }
    }

    /** True when {@code dir} holds a Lucene commit (a segments_N file). */
    static boolean holdsIndex(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /** Temporary build folders ({@code .NAME.*}) that a killed build left beside {@code dir}. */
    static List<Path> leftovers(Path dir) {
        Path abs = dir.toAbsolutePath();
        String prefix = "." + abs.getFileName() + ".";
        List<Path> out = new ArrayList<>();
        try (Stream<Path> siblings = Files.list(abs.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
                    .sorted().forEach(out::add);
        } catch (IOException e) {
            // listing is advisory only
        }
        return out;
    }

    /** A clear error for an index that is missing, not an index, corrupt or from another Lucene version. */
    static MedvlException failure(Path dir, IOException e) {
        if (e instanceof IndexNotFoundException) {
            return new MedvlException("no index in " + dir + " (no Lucene commit found): build one with "
                    + "'medvl index build'", e);
        }
        if (e instanceof IndexFormatTooOldException || e instanceof IndexFormatTooNewException) {
            return new MedvlException("index " + dir + " was written by an incompatible Lucene version: rebuild it "
                    + "with 'medvl index build' (" + e.getMessage() + ")", e);
        }
        if (e instanceof CorruptIndexException || e instanceof EOFException || e instanceof NoSuchFileException) {
            return new MedvlException("index " + dir + " is corrupt or incomplete: " + e.getMessage()
                    + "; rebuild it with 'medvl index build'", e);
        }
        return new MedvlException("cannot read index " + dir + ": " + e, e);
    }
}
