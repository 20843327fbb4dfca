package org.medvl.index;

/**
 * One result of a similar-case search.
 *
 * @param item              the stored case: id, image path (thumbnail), caption, report and metadata
 * @param score             the ranking score: cosine similarity when only one embedding list ranks the results, BM25
 *                          when only full text does, and the reciprocal-rank-fusion sum when several lists are fused
 * @param imageRank         1-based rank in the query-image embedding list, 0 when absent from it (or not searched)
 * @param textRank          1-based rank in the BM25 full-text list, 0 when absent
 * @param textEmbeddingRank 1-based rank in the text-embedding list (query text embedded, matched against image
 *                          embeddings), 0 when absent
 */
public record SearchHit(IndexedCase item, float score, int imageRank, int textRank, int textEmbeddingRank) {
    public String id() {
        return item.id();
    }
}
