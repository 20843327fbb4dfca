package org.medvl.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/** Turns the parts of a {@link SimilarCaseQuery} into Lucene queries. */
final class QueryParts {
    /**
     * Candidates the HNSW search explores per segment (Lucene 9 uses the query's k as ef): 100 reaches recall@10
     * of about 0.95 or more in {@code medvl bench index}; asking for more hits raises it.
     */
    static final int MIN_CANDIDATES = 100;

    private QueryParts() {
    }

    /** The filter of a query (modality, body part, split, excluded ids), or null when it has none. */
    static Query filter(SimilarCaseQuery q) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        boolean any = false;
        any |= anyOf(b, IndexSchema.MODALITY_KEY, q.modalities());
        any |= anyOf(b, IndexSchema.BODY_PART_KEY, q.bodyParts());
        any |= anyOf(b, IndexSchema.SPLIT, q.splits());
        if (!q.excludeIds().isEmpty()) {
            if (!any) {
                // A Boolean query of only MUST_NOT clauses matches nothing.
                b.add(new MatchAllDocsQuery(), Occur.FILTER);
            }
            for (String id : q.excludeIds()) {
                b.add(new TermQuery(new Term(IndexSchema.ID, id)), Occur.MUST_NOT);
            }
            any = true;
        }
        return any ? b.build() : null;
    }

    /** Approximate nearest neighbours of a unit vector among the image embeddings, restricted by the filter. */
    static Query knn(float[] unitVector, int depth, Query filter) {
        return new KnnFloatVectorQuery(IndexSchema.IMAGE_VECTOR, unitVector, Math.max(depth, MIN_CANDIDATES),
                filter);
    }

    /**
     * BM25 over the text field: each distinct analysed term of the query text is an optional clause, so documents
     * sharing more (and rarer) terms rank higher. Returns null when the text has no searchable term (only stop
     * words or punctuation). Query syntax is not interpreted: a report pasted as a query is just words.
     */
    static Query bm25(Analyzer analyzer, String text, Query filter) {
        Set<String> terms = analyse(analyzer, text, IndexSearcher.getMaxClauseCount() - 8);
        if (terms.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String t : terms) {
            words.add(new TermQuery(new Term(IndexSchema.TEXT, t)), Occur.SHOULD);
        }
        if (filter == null) {
            return words.build();
        }
        return new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    }

    static Set<String> analyse(Analyzer analyzer, String text, int maxTerms) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(IndexSchema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && terms.size() < maxTerms) {
                terms.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private static boolean anyOf(BooleanQuery.Builder b, String field, Set<String> values) {
        if (values.isEmpty()) {
            return false;
        }
        List<BytesRef> refs = new ArrayList<>();
        for (String v : values) {
            refs.add(new BytesRef(v));
        }
        b.add(new TermInSetQuery(field, refs), Occur.FILTER);
        return true;
    }
}
