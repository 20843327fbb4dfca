package org.medvl.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.medvl.core.MedvlException;
import org.medvl.models.api.ImageEmbedder;

/**
 * A similar-case index opened read-only: the API the server and the CLI search through. Thread-safe; one instance
 * serves concurrent searches. It never takes Lucene's write lock, so {@code medvl index update} and {@code build}
 * can run while it is open; {@link #refresh()} makes their results visible.
 *
 * <pre>{@code
 * try (SimilarCaseIndex index = SimilarCaseIndex.open(dir, embedder)) {
 *     List<SearchHit> hits = index.search(SimilarCaseQuery.builder().image(png).text("ring-enhancing lesion")
 *             .modality("MR").k(10).build());
 * }
 * }</pre>
 */
public final class SimilarCaseIndex implements AutoCloseable {
    private final Path dir;
    private final ImageEmbedder embedder;
    private final Analyzer analyzer = IndexSchema.analyzer();
    private volatile Snapshot current;
    private volatile boolean closed;

    /** One opened build of the index; replaced whole when a rebuilt directory is swapped in. */
    private record Snapshot(Directory directory, SearcherManager manager, IndexMeta meta) {
        void close() throws IOException {
            manager.close();
            directory.close();
        }
    }

    private SimilarCaseIndex(Path dir, ImageEmbedder embedder, Snapshot snapshot) {
        this.dir = dir;
        this.embedder = embedder;
        this.current = snapshot;
    }

    /**
     * Opens the index at {@code dir}. Fails with a one-line {@link MedvlException} when the directory is missing,
     * holds no index, is corrupt, or was built with a different model than {@code embedder}.
     *
     * @param embedder the model the index was built with, needed for image and text-embedding queries; null for
     *                 BM25 text queries only
     */
    public static SimilarCaseIndex open(Path dir, ImageEmbedder embedder) {
        Snapshot s = openSnapshot(dir);
        try {
            EmbedderCheck.forReading(s.meta(), embedder, dir);
        } catch (RuntimeException e) {
            closeQuietly(s);
            throw e;
        }
        return new SimilarCaseIndex(dir, embedder, s);
    }

    private static Snapshot openSnapshot(Path dir) {
        Directory d = IndexDirectories.openExisting(dir);
        try {
            IndexMeta meta = IndexDirectories.readMeta(d, dir);
            DirectoryReader reader = IndexDirectories.openReader(d, dir);
            // The reader and the metadata must describe the same commit: re-read it from the reader itself.
            meta = IndexMeta.fromUserData(reader.getIndexCommit().getUserData(), dir.toString());
            return new Snapshot(d, new SearcherManager(reader, null), meta);
        } catch (IOException | RuntimeException e) {
            try {
                d.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e instanceof IOException io ? IndexDirectories.failure(dir, io) : (RuntimeException) e;
        }
    }

    /**
     * Reads every file of the latest commit and verifies its checksum (Lucene's CheckIndex, checksums only). Opening
     * checks only the small files and the files' footers; this finds damage inside large files too. Takes the write
     * lock for its duration, so it fails while an update is running.
     */
    public static void verify(Path dir) {
        try (Directory d = IndexDirectories.openExisting(dir)) {
            IndexDirectories.readMeta(d, dir);
            try (org.apache.lucene.index.CheckIndex check = new org.apache.lucene.index.CheckIndex(d)) {
                check.setChecksumsOnly(true);
                check.setInfoStream(null);
                org.apache.lucene.index.CheckIndex.Status status = check.checkIndex();
                if (!status.clean) {
                    throw new MedvlException("index " + dir + " is corrupt: its files fail Lucene's checksum "
                            + "check; rebuild it with 'medvl index build'");
                }
            }
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            throw new MedvlException("index " + dir + " is being written (write lock held): verify it afterwards", e);
        } catch (IOException e) {
            throw IndexDirectories.failure(dir, e);
        }
    }

    public Path directory() {
        return dir;
    }

    public IndexMeta meta() {
        return current.meta();
    }

    /** Number of cases in the opened snapshot. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /**
     * Makes the latest commit visible: incremental updates are picked up cheaply (unchanged segments are shared);
     * a rebuilt index swapped into the directory is opened afresh. Searches running meanwhile finish on the old
     * snapshot. On failure (e.g. the directory is mid-swap) the old snapshot stays in use and the error is thrown.
     *
     * @return true when a newer commit became visible
     */
    public synchronized boolean refresh() {
        Snapshot old = current;
        Snapshot probe = null;
        try {
            IndexMeta latest = IndexDirectories.readMeta(old.directory(), dir);
            if (latest.buildId().equals(old.meta().buildId())) {
                try {
                    if (old.manager().isSearcherCurrent()) {
                        return false;
                    }
                    old.manager().maybeRefreshBlocking();
                    current = new Snapshot(old.directory(), old.manager(), latest);
                    return true;
                } catch (IOException | IllegalStateException e) {
                    // A rebuild was swapped in between the two reads: fall through to a full reopen.
                }
            }
            probe = openSnapshot(dir);
            EmbedderCheck.forReading(probe.meta(), embedder, dir);
            current = probe;
            probe = null;
            closeQuietly(old);
            return true;
        } finally {
            if (probe != null) {
                closeQuietly(probe);
            }
        }
    }

    /** The stored case with this id, if the index holds it. */
    public Optional<IndexedCase> get(String id) {
        return withSearcher(s -> {
            TopDocs top = s.search(new TermQuery(new Term(IndexSchema.ID, id)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(IndexSchema.fromDocument(s.storedFields().document(top.scoreDocs[0].doc)));
        });
    }

    /** How many cases match a Lucene query; the evaluation uses it to count reachable relevant cases. */
    int count(Query q) {
        return withSearcher(s -> s.count(q));
    }

    /**
     * Runs a query. Each part (query image, BM25 text, text embedding) gives a ranked list; one list is returned with
     * its own scores (cosine similarity, or BM25), several are fused by reciprocal rank fusion with k = 60.
     */
    public List<SearchHit> search(SimilarCaseQuery q) {
        IndexMeta meta = current.meta();
        float[] imageVector = q.hasImage() ? imageVector(q, meta) : null;
        boolean bm25 = q.text() != null && q.textMode() != SimilarCaseQuery.TextMode.EMBEDDING;
        boolean textEmbedding = q.text() != null && q.textMode() != SimilarCaseQuery.TextMode.BM25;
        float[] textVector = textEmbedding ? textVector(q.text(), meta) : null;
        int lists = (imageVector != null ? 1 : 0) + (bm25 ? 1 : 0) + (textEmbedding ? 1 : 0);
        // RRF needs more than k per list: a case ranked 30th by both lists can beat one ranked 1st by only one.
        int depth = lists > 1 ? Math.max(q.k(), 100) : q.k();
        return withSearcher(s -> {
            Query filter = QueryParts.filter(q);
            List<ScoreDoc> image = imageVector == null ? List.of()
                    : List.of(s.search(QueryParts.knn(imageVector, depth, filter), depth).scoreDocs);
            List<ScoreDoc> text = List.of();
            if (bm25) {
                Query bq = QueryParts.bm25(analyzer, q.text(), filter);
                if (bq == null && lists == 1) {
                    throw new MedvlException("text query '" + q.text() + "' has no searchable words");
                }
                text = bq == null ? List.of() : List.of(s.search(bq, depth).scoreDocs);
            }
            List<ScoreDoc> textVec = textVector == null ? List.of()
                    : List.of(s.search(QueryParts.knn(textVector, depth, filter), depth).scoreDocs);
            return hits(s.storedFields(), q.k(), lists, image, text, textVec);
        });
    }

    private static List<SearchHit> hits(StoredFields stored, int k, int lists, List<ScoreDoc> image,
                                        List<ScoreDoc> text, List<ScoreDoc> textVec) throws IOException {
        Map<Integer, int[]> ranks = new HashMap<>();
        List<List<Integer>> rankings = new ArrayList<>();
        int which = 0;
        Map<Integer, Float> single = new HashMap<>();
        for (List<ScoreDoc> list : List.of(image, text, textVec)) {
            List<Integer> ids = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                ScoreDoc sd = list.get(i);
                ids.add(sd.doc);
                ranks.computeIfAbsent(sd.doc, x -> new int[3])[which] = i + 1;
                // Lucene scores dot-product matches as (1 + cos) / 2; report the cosine itself.
                single.putIfAbsent(sd.doc, which == 1 ? sd.score : 2 * sd.score - 1);
            }
            rankings.add(ids);
            which++;
        }
        List<SearchHit> out = new ArrayList<>();
        for (RankFusion.Fused<Integer> f : RankFusion.fuse(rankings, RankFusion.DEFAULT_K)) {
            if (out.size() == k) {
                break;
            }
            int[] r = ranks.get(f.id());
            float score = lists > 1 ? (float) f.score() : single.get(f.id());
            out.add(new SearchHit(IndexSchema.fromDocument(stored.document(f.id())), score, r[0], r[1], r[2]));
        }
        return out;
    }

    private float[] imageVector(SimilarCaseQuery q, IndexMeta meta) {
        requireVectors(meta, "image queries");
        if (q.imageVector() != null) {
            return Vectors.unit(q.imageVector(), meta.dimension(), "query vector");
        }
        requireEmbedder(meta, "image queries");
        if (!Files.isRegularFile(q.image())) {
            throw new MedvlException("query image not found: " + q.image());
        }
        return Vectors.unit(embedder.embedImage(q.image()), meta.dimension(), "query image " + q.image());
    }

    private float[] textVector(String text, IndexMeta meta) {
        requireVectors(meta, "text-embedding queries");
        requireEmbedder(meta, "text-embedding queries");
        return Vectors.unit(embedder.embedText(text), meta.dimension(), "query text");
    }

    private void requireVectors(IndexMeta meta, String what) {
        if (!meta.hasVectors()) {
            throw new MedvlException("index " + dir + " was built without a model (text only): " + what
                    + " need an index built with --model");
        }
    }

    private void requireEmbedder(IndexMeta meta, String what) {
        if (embedder == null) {
            throw new MedvlException(what + " need the model the index was built with ('" + meta.embedder() + "')");
        }
    }

    @FunctionalInterface
    private interface SearcherBody<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherBody<T> body) {
        if (closed) {
            throw new IllegalStateException("similar-case index " + dir + " is closed");
        }
        SearcherManager manager = current.manager();
        IndexSearcher s;
        try {
            s = manager.acquire();
        } catch (org.apache.lucene.store.AlreadyClosedException e) {
            // A refresh replaced the snapshot between reading `current` and acquiring: use the new one.
            return withSearcher(body);
        } catch (IOException e) {
            throw IndexDirectories.failure(dir, e);
        }
        try {
            return body.apply(s);
        } catch (IOException e) {
            throw IndexDirectories.failure(dir, e);
        } finally {
            try {
                manager.release(s);
            } catch (IOException ignored) {
                // releasing only decrements a reference count
            }
        }
    }

    private static void closeQuietly(Snapshot s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a read-only snapshot cannot lose data
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        closeQuietly(current);
        analyzer.close();
    }
}
