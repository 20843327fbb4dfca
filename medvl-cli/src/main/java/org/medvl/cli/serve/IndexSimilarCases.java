package org.medvl.cli.serve;

import java.nio.file.Path;
import java.util.List;
import org.medvl.index.IndexedCase;
import org.medvl.index.SearchHit;
import org.medvl.index.SimilarCaseIndex;
import org.medvl.index.SimilarCaseQuery;
import org.medvl.models.api.ImageEmbedder;
import org.medvl.server.models.SimilarCases;

/**
 * The workbench's similar-case hook backed by a medvl-index Lucene index opened read-only: an image query (HNSW over
 * image embeddings from the served CLIP model). Results carry ids, scores and text, never file paths.
 */
final class IndexSimilarCases implements SimilarCases {
    private static final int MAX_TEXT = 400;
    private final SimilarCaseIndex index;
    private final String name;

    IndexSimilarCases(Path dir, ImageEmbedder embedder) {
        this.index = SimilarCaseIndex.open(dir, embedder);
        this.name = dir.getFileName() + " (" + index.size() + " images, " + embedder.name() + ")";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Case> similarTo(Path image, int k) {
        List<SearchHit> hits = index.search(SimilarCaseQuery.builder().image(image).k(k).build());
        return hits.stream().map(h -> new Case(h.id(), h.score(), text(h.item()), h.item().dataset(),
                h.item().split())).toList();
    }

    private static String text(IndexedCase c) {
        String t = !c.caption().isBlank() ? c.caption() : c.report();
        if (!c.diagnosis().isBlank()) {
            t = c.diagnosis() + (t.isBlank() ? "" : ": " + t);
        }
        return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "..." : t;
    }

    @Override
    public void close() {
        index.close();
    }
}
