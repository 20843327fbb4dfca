package org.medvl.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.Progress;
import org.medvl.models.api.ImageEmbedder;

/**
 * Writes similar-case indexes.
 *
 * <p>{@link #build} writes a complete index into a fresh hidden sibling folder and swaps it into place with
 * {@link AtomicFiles#writeDirectory} only after the Lucene commit succeeded, so a build that fails or is killed never
 * touches the previous index. {@link #update} adds or replaces cases by id in place inside one Lucene commit: Lucene
 * writes new segment files and publishes them by writing the next {@code segments_N} last, so a crash before that
 * leaves readers on the previous commit. Readers (the server) never take the write lock and keep their snapshot until
 * they {@link SimilarCaseIndex#refresh() refresh}.
 */
public final class IndexBuilder {
    /** How many embedding failures a result lists by name; all of them are counted. */
    static final int MAX_LISTED_PROBLEMS = 10;

    private IndexBuilder() {
    }

    /**
     * Build settings.
     *
     * @param maxConn   HNSW M (Lucene default 16)
     * @param beamWidth HNSW efConstruction (Lucene default 100)
     * @param strict    fail on the first image that cannot be embedded instead of skipping and counting it
     * @param source    what the index is built from, recorded in its metadata
     */
    public record Options(int maxConn, int beamWidth, boolean strict, String source) {
        public static final Options DEFAULT = new Options(16, 100, false, "");

        public Options {
            if (maxConn < 2 || maxConn > 512) {
                throw new IllegalArgumentException("HNSW maxConn (M) must be in 2..512, got " + maxConn);
            }
            if (beamWidth < 2 || beamWidth > 3200) {
                throw new IllegalArgumentException("HNSW beam width must be in 2..3200, got " + beamWidth);
            }
            source = source == null ? "" : source;
        }

        public Options withSource(String s) {
            return new Options(maxConn, beamWidth, strict, s);
        }
    }

    /**
     * What a build or update did.
     *
     * @param written  cases added or replaced
     * @param skipped  cases left out because their image could not be embedded
     * @param problems the first few skip reasons, each naming the case and image
     * @param total    documents in the index afterwards
     * @param seconds  wall time
     */
    public record Result(long written, long skipped, List<String> problems, long total, double seconds) {
    }

    /**
     * Builds a new index at {@code dir} from {@code cases}, replacing any previous index there atomically.
     *
     * @param embedder the image model, or null for a text-only (BM25) index
     */
    public static Result build(Path dir, Stream<IndexedCase> cases, ImageEmbedder embedder, Options options) {
        if (Files.exists(dir) && !(Files.isDirectory(dir)
                && (IndexDirectories.isEmptyDirectory(dir) || IndexDirectories.holdsIndex(dir)))) {
            throw new MedvlException(dir + " exists and is not a medvl index; refusing to replace it (choose a new "
                    + "or empty folder)");
        }
        IndexMeta meta = new IndexMeta(IndexMeta.FORMAT_VERSION, embedder == null ? "" : embedder.name(),
                embedder == null ? 0 : embedder.dimension(), options.maxConn(), options.beamWidth(),
                UUID.randomUUID().toString(), options.source());
        Result[] result = new Result[1];
        AtomicFiles.writeDirectory(dir, tmp -> {
            try (Directory d = FSDirectory.open(tmp);
                 IndexWriter w = new IndexWriter(d, config(meta, IndexWriterConfig.OpenMode.CREATE))) {
                result[0] = write(w, cases, embedder, meta, options.strict(), false);
            } catch (IOException e) {
                throw new MedvlException("cannot write index " + dir + " (in " + tmp + "): " + e.getMessage(), e);
            }
        });
        return result[0];
    }

    /**
     * Adds cases to the index at {@code dir}, replacing those whose id is already there, in one commit. The embedder
     * must be the one the index was built with (same name and dimension), or null for a text-only index.
     */
    public static Result update(Path dir, Stream<IndexedCase> cases, ImageEmbedder embedder, boolean strict) {
        try (Directory d = IndexDirectories.openExisting(dir)) {
            IndexMeta meta = IndexDirectories.readMeta(d, dir);
            EmbedderCheck.forWriting(meta, embedder, dir);
            try (IndexWriter w = new IndexWriter(d, config(meta, IndexWriterConfig.OpenMode.APPEND))) {
                return write(w, cases, embedder, meta, strict, true);
            }
        } catch (IOException e) {
            throw IndexDirectories.failure(dir, e);
        }
    }

    /** Deletes cases by id in one commit; returns how many documents the index holds afterwards. */
    public static long delete(Path dir, Collection<String> ids) {
        try (Directory d = IndexDirectories.openExisting(dir)) {
            IndexMeta meta = IndexDirectories.readMeta(d, dir);
            try (IndexWriter w = new IndexWriter(d, config(meta, IndexWriterConfig.OpenMode.APPEND))) {
                for (String id : ids) {
                    w.deleteDocuments(new Term(IndexSchema.ID, id));
                }
                w.setLiveCommitData(meta.toUserData().entrySet());
                w.commit();
                return w.getDocStats().numDocs;
            }
        } catch (IOException e) {
            throw IndexDirectories.failure(dir, e);
        }
    }

    /**
     * Hidden temporary folders ({@code .NAME.*}) beside {@code dir} that killed builds left behind. They never
     * affect the index; they can be deleted when no build is running.
     */
    public static List<Path> leftovers(Path dir) {
        return IndexDirectories.leftovers(dir);
    }

    private static IndexWriterConfig config(IndexMeta meta, IndexWriterConfig.OpenMode mode) {
        IndexWriterConfig c = new IndexWriterConfig(IndexSchema.analyzer());
        c.setOpenMode(mode);
        // Merges must build graphs with the index's own HNSW settings, not Lucene's defaults.
        c.setCodec(IndexCodecs.hnsw(meta.maxConn(), meta.beamWidth(), 1, null));
        c.setRAMBufferSizeMB(256);
        c.setCommitOnClose(false);
        return c;
    }

    private static Result write(IndexWriter w, Stream<IndexedCase> cases, ImageEmbedder embedder, IndexMeta meta,
                                boolean strict, boolean replace) throws IOException {
        long t0 = System.nanoTime();
        long[] counts = new long[2];
        List<String> problems = new ArrayList<>();
        try (Progress progress = Progress.start("index", -1); Stream<IndexedCase> s = cases) {
            for (IndexedCase c : (Iterable<IndexedCase>) s::iterator) {
                float[] vector = null;
                if (embedder != null) {
                    try {
                        vector = embed(embedder, c, meta.dimension());
                    } catch (RuntimeException e) {
                        if (strict) {
                            throw e;
                        }
                        counts[1]++;
                        if (problems.size() < MAX_LISTED_PROBLEMS) {
                            problems.add(c.id() + ": " + e.getMessage());
                        }
                        progress.step();
                        continue;
                    }
                }
                if (replace) {
                    w.updateDocument(new Term(IndexSchema.ID, c.id()), IndexSchema.toDocument(c, vector));
                } else {
                    w.addDocument(IndexSchema.toDocument(c, vector));
                }
                counts[0]++;
                progress.step();
            }
        }
        w.setLiveCommitData(meta.toUserData().entrySet());
        w.commit();
        return new Result(counts[0], counts[1], List.copyOf(problems), w.getDocStats().numDocs,
                (System.nanoTime() - t0) / 1e9);
    }

    private static float[] embed(ImageEmbedder embedder, IndexedCase c, int dimension) {
        if (c.imagePath() == null) {
            throw new MedvlException("case has no image to embed");
        }
        Path image = Path.of(c.imagePath());
        if (!Files.isRegularFile(image)) {
            throw new MedvlException("image file not found: " + image);
        }
        return Vectors.unit(embedder.embedImage(image), dimension, "image " + image);
    }
}
