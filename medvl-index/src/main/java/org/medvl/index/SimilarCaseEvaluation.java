package org.medvl.index;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Measures how often an image query finds related cases: for each query image (e.g. a dev-split image) the index is
 * searched by that image, the image itself excluded, and a hit counts as relevant when it belongs to the same case
 * (another image of the same patient study) or, in the looser criterion, to any case with the same diagnosis.
 * Queries for which the index holds no relevant case under a criterion are left out of that criterion's rates
 * (they cannot succeed) and counted apart.
 */
public final class SimilarCaseEvaluation {
    private SimilarCaseEvaluation() {
    }

    /**
     * Rates under one relevance criterion.
     *
     * @param name      "same case" or "same case or diagnosis"
     * @param queries   queries with at least one relevant case in the index
     * @param hitRateAt fraction of those queries with a relevant case in the top k, for each k of {@link Result#ks}
     * @param mrr       mean reciprocal rank of the first relevant hit within the deepest k (0 when none)
     */
    public record Rates(String name, int queries, double[] hitRateAt, double mrr) {
    }

    /**
     * @param ks        the cut-offs, ascending
     * @param queries   query images searched
     * @param skipped   query cases without an image, or whose image could not be embedded
     * @param sameCase  rates for same-case relevance
     * @param sameCaseOrDiagnosis rates for same-case-or-same-diagnosis relevance
     */
    public record Result(int[] ks, int queries, int skipped, Rates sameCase, Rates sameCaseOrDiagnosis) {
    }

    public static Result run(SimilarCaseIndex index, Stream<IndexedCase> queries, int... ks) {
        int[] cut = ks.clone();
        Arrays.sort(cut);
        if (cut.length == 0 || cut[0] < 1) {
            throw new IllegalArgumentException("cut-offs must be positive");
        }
        int depth = cut[cut.length - 1];
        Tally sameCase = new Tally(cut);
        Tally either = new Tally(cut);
        int searched = 0;
        int skipped = 0;
        try (Stream<IndexedCase> s = queries) {
            for (IndexedCase q : (Iterable<IndexedCase>) s::iterator) {
                if (q.imagePath() == null) {
                    skipped++;
                    continue;
                }
                List<SearchHit> hits;
                try {
                    hits = index.search(SimilarCaseQuery.builder().image(java.nio.file.Path.of(q.imagePath()))
                            .exclude(q.id()).k(depth).build());
                } catch (org.medvl.core.MedvlException e) {
                    skipped++;
                    continue;
                }
                searched++;
                String dx = q.diagnosis().isBlank() ? null : IndexSchema.diagnosisKey(q.diagnosis());
                if (q.caseId() != null && index.count(others(q, IndexSchema.CASE_ID, q.caseId())) > 0) {
                    sameCase.add(firstRank(hits, h -> q.caseId().equals(h.caseId())));
                }
                if (reachable(index, q, dx)) {
                    either.add(firstRank(hits, h -> (q.caseId() != null && q.caseId().equals(h.caseId()))
                            || (dx != null && !h.diagnosis().isBlank()
                            && dx.equals(IndexSchema.diagnosisKey(h.diagnosis())))));
                }
            }
        }
        return new Result(cut, searched, skipped, sameCase.rates("same case"),
                either.rates("same case or diagnosis"));
    }

    private static boolean reachable(SimilarCaseIndex index, IndexedCase q, String dx) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        if (q.caseId() != null) {
            any.add(new TermQuery(new Term(IndexSchema.CASE_ID, q.caseId())), Occur.SHOULD);
        }
        if (dx != null) {
            any.add(new TermQuery(new Term(IndexSchema.DIAGNOSIS_KEY, dx)), Occur.SHOULD);
        }
        if (q.caseId() == null && dx == null) {
            return false;
        }
        return index.count(new BooleanQuery.Builder().add(any.build(), Occur.MUST)
                .add(new TermQuery(new Term(IndexSchema.ID, q.id())), Occur.MUST_NOT).build()) > 0;
    }

    private static Query others(IndexedCase q, String field, String value) {
        return new BooleanQuery.Builder().add(new TermQuery(new Term(field, value)), Occur.MUST)
                .add(new TermQuery(new Term(IndexSchema.ID, q.id())), Occur.MUST_NOT).build();
    }

    private static int firstRank(List<SearchHit> hits, java.util.function.Predicate<IndexedCase> relevant) {
        for (int i = 0; i < hits.size(); i++) {
            if (relevant.test(hits.get(i).item())) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Accumulates first-relevant ranks (0 = none found). */
    private static final class Tally {
        private final int[] ks;
        private final int[] hitsAt;
        private double reciprocalSum;
        private int n;

        Tally(int[] ks) {
            this.ks = ks;
            this.hitsAt = new int[ks.length];
        }

        void add(int rank) {
            n++;
            if (rank > 0) {
                reciprocalSum += 1.0 / rank;
                for (int i = 0; i < ks.length; i++) {
                    if (rank <= ks[i]) {
                        hitsAt[i]++;
                    }
                }
            }
        }

        Rates rates(String name) {
            double[] rate = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                rate[i] = n == 0 ? 0 : (double) hitsAt[i] / n;
            }
            return new Rates(name, n, rate, n == 0 ? 0 : reciprocalSum / n);
        }
    }
}
