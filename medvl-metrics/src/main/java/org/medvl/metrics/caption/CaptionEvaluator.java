package org.medvl.metrics.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.medvl.metrics.caption.NgramIndex.Counts;

/**
 * Scores generated captions or reports against references with BLEU-1..4, METEOR, ROUGE-L and CIDEr-D, reproducing
 * the reference implementations named by a {@link Profile}. Thread-safe; the work of one call is spread over cores.
 *
 * <pre>{@code
 * CaptionScores s = new CaptionEvaluator().evaluate(refs, hyps, Profile.COCO, Set.of("BLEU-4", "CIDEr-D"));
 * double cider = s.corpus().get("CIDEr-D");
 * }</pre>
 *
 * <p>{@link #evaluateStream} scores corpora too large to hold in memory: it reads the items in chunks (twice when
 * CIDEr-D is asked for, whose document frequencies need every reference first) and keeps only the n-gram index.
 */
public final class CaptionEvaluator {
    /** Receives the scores of each item, in input order, keyed like the corpus scores. */
    @FunctionalInterface
    public interface ItemSink {
        void accept(long index, Map<String, Double> scores);
    }

    private static final int BLEU_COLUMN = 0;
    private static final int METEOR_COLUMN = 4;
    private static final int ROUGE_COLUMN = 5;
    private static final int CIDER_COLUMN = 6;

    private final Meteor meteor;
    private final R2GenPreparation r2gen;

    /** METEOR with exact, stem and WordNet synonym stages, and the IU X-ray R2Gen cleaning without vocabulary. */
    public CaptionEvaluator() {
        this(Meteor.standard(), R2GenPreparation.iu());
    }

    public CaptionEvaluator(Meteor meteor, R2GenPreparation r2gen) {
        this.meteor = meteor;
        this.r2gen = r2gen;
    }

    /**
     * Scores {@code hypotheses.get(i)} against {@code references.get(i)} for every i.
     *
     * @param metrics metric names from {@link CaptionMetric}; empty means the profile's defaults
     * @throws IllegalArgumentException when the lists differ in length or an item has no reference
     */
    public CaptionScores evaluate(List<List<String>> references, List<String> hypotheses, Profile profile,
            Set<String> metrics) {
        if (references.size() != hypotheses.size()) {
            throw new IllegalArgumentException("misaligned inputs: " + references.size() + " reference items but "
                    + hypotheses.size() + " hypotheses");
        }
        for (int i = 0; i < references.size(); i++) {
            if (references.get(i) == null || references.get(i).isEmpty()) {
                throw new IllegalArgumentException("item " + (i + 1) + " has no reference");
            }
        }
        Plan plan = new Plan(profile, metrics);
        int n = hypotheses.size();
        Prepared p = prepare(references, hypotheses, profile, null);
        NgramIndex index = new NgramIndex();
        Chunk chunk = new Chunk(n);
        Totals totals = new Totals();
        if (plan.tokens) {
            chunk.count(p, index, plan.ngrams, plan.ngrams);
        }
        score(plan, p, chunk, new CiderD(index, n), totals);
        List<Map<String, Double>> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(plan.keyed(chunk.item[i]));
        }
        return new CaptionScores(profile, plan.keyed(corpusOf(totals, plan, n)), items, notes(plan));
    }

    /**
     * Scores a corpus read from {@code source} in chunks of {@code chunkSize} items, in bounded memory. The source is
     * opened once, or twice when CIDEr-D is asked for.
     *
     * @param sink receives each item's scores in input order; may be null
     * @return the corpus scores (no per-item list)
     */
    public CaptionScores evaluateStream(Supplier<Iterator<CaptionPair>> source, Profile profile, Set<String> metrics,
            int chunkSize, ItemSink sink) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive, got " + chunkSize);
        }
        Plan plan = new Plan(profile, metrics);
        NgramIndex index = new NgramIndex();
        long n = 0;
        if (plan.cider) {
            // pass 1: CIDEr-D's document frequencies from every item's references
            for (Chunks chunks = new Chunks(source.get(), chunkSize); chunks.hasNext(); ) {
                List<CaptionPair> items = chunks.next();
                Prepared p = prepare(refsOf(items), hypsOf(items), profile, chunks.peek(), true);
                new Chunk(items.size()).countRefs(p, index);
                n += items.size();
            }
        }
        CiderD cider = new CiderD(index, (int) Math.min(Integer.MAX_VALUE, n));
        Totals totals = new Totals();
        long done = 0;
        for (Chunks chunks = new Chunks(source.get(), chunkSize); chunks.hasNext(); ) {
            List<CaptionPair> items = chunks.next();
            Prepared p = prepare(refsOf(items), hypsOf(items), profile, chunks.peek(), false);
            Chunk chunk = new Chunk(items.size());
            if (plan.tokens) {
                chunk.count(p, index, plan.ngrams, false);
            }
            score(plan, p, chunk, cider, totals);
            if (sink != null) {
                for (int i = 0; i < items.size(); i++) {
                    sink.accept(done + i, plan.keyed(chunk.item[i]));
                }
            }
            done += items.size();
        }
        if (plan.cider && done != n) {
            throw new IllegalStateException("the source gave " + n + " items on the first pass and " + done
                    + " on the second");
        }
        return new CaptionScores(profile, plan.keyed(corpusOf(totals, plan, done)), List.of(), notes(plan));
    }

    private List<String> notes(Plan plan) {
        List<String> notes = new ArrayList<>();
        notes.add(switch (plan.profile) {
            case COCO -> "coco: PTB tokenization (Stanford PTBTokenizer 3.4.1 rules, -preserveLines -lowerCase, "
                    + "punctuation dropped), pycocoevalcap 1.2 scorers";
            case PLAIN -> "plain: text as given, pycocoevalcap 1.2 scorers";
            case R2GEN -> "r2gen: " + r2gen.describe() + ", pycocoevalcap 1.2 scorers";
        });
        if (plan.meteor) {
            notes.add(meteor.note());
        }
        return notes;
    }

    /** Which metrics run, in output order. */
    private static final class Plan {
        final Profile profile;
        final List<String> wanted = new ArrayList<>(CaptionMetric.ALL);
        final boolean bleu;
        final boolean meteor;
        final boolean rouge;
        final boolean cider;
        final boolean ngrams;
        final boolean tokens;

        Plan(Profile profile, Set<String> metrics) {
            for (String m : metrics) {
                if (!CaptionMetric.ALL.contains(m)) {
                    throw new IllegalArgumentException("unknown caption metric '" + m + "'; known: "
                            + String.join(", ", CaptionMetric.ALL));
                }
            }
            this.profile = profile;
            wanted.retainAll(metrics.isEmpty() ? profile.defaultMetrics() : metrics);
            bleu = wanted.stream().anyMatch(m -> m.startsWith("BLEU"));
            meteor = wanted.contains(CaptionMetric.METEOR);
            rouge = wanted.contains(CaptionMetric.ROUGE_L);
            cider = wanted.contains(CaptionMetric.CIDER_D);
            ngrams = bleu || cider;
            tokens = ngrams || rouge;
        }

        Map<String, Double> keyed(double[] row) {
            Map<String, Double> out = new LinkedHashMap<>();
            for (String m : wanted) {
                out.put(m, row[CaptionMetric.ALL.indexOf(m)]);
            }
            return out;
        }
    }

    /** Running corpus statistics. */
    private static final class Totals {
        final Bleu.Stats bleu = new Bleu.Stats();
        final MeteorStats meteor = new MeteorStats();
        double rougeSum;
        double ciderSum;

        double[] corpus(Plan plan, long n, Meteor scorer) {
            double[] row = new double[CaptionMetric.ALL.size()];
            if (plan.bleu) {
                System.arraycopy(bleu.scores(), 0, row, BLEU_COLUMN, NgramIndex.MAX_N);
            }
            if (plan.meteor && n > 0) {
                row[METEOR_COLUMN] = scorer.corpusScore(meteor);
            }
            row[ROUGE_COLUMN] = n == 0 ? 0.0 : rougeSum / n;
            row[CIDER_COLUMN] = n == 0 ? 0.0 : ciderSum / n;
            return row;
        }
    }

    private double[] corpusOf(Totals t, Plan plan, long n) {
        return t.corpus(plan, n, meteor);
    }

    /** The n-gram counts and the score rows of one chunk of items. */
    private static final class Chunk {
        final Counts[] hyp;
        final Counts[][] refs;
        final double[][] item;
        int[][] hypTokens;
        int[][][] refTokens;

        Chunk(int n) {
            hyp = new Counts[n];
            refs = new Counts[n][];
            item = new double[n][CaptionMetric.ALL.size()];
        }

        /**
         * Words split as Python's {@code split()} in parallel; token ids and n-grams numbered in one thread. Each
         * distinct text is counted once: generated reports and references repeat a lot (templates, normal studies).
         */
        void count(Prepared p, NgramIndex index, boolean ngrams, boolean addDocuments) {
            count(p, index, true, ngrams, addDocuments);
        }

        /** Only the references, into the document frequencies (first pass of a stream). */
        void countRefs(Prepared p, NgramIndex index) {
            count(p, index, false, true, true);
        }

        private void count(Prepared p, NgramIndex index, boolean withHyps, boolean ngrams, boolean addDocuments) {
            int n = p.refTexts.size();
            Map<String, Integer> slots = new HashMap<>();
            List<String> distinct = new ArrayList<>();
            int[] hypSlot = new int[n];
            int[][] refSlot = new int[n][];
            for (int i = 0; i < n; i++) {
                if (withHyps) {
                    hypSlot[i] = slots.computeIfAbsent(p.hypTexts.get(i), t -> add(distinct, t));
                }
                List<String> r = p.refTexts.get(i);
                refSlot[i] = new int[r.size()];
                for (int j = 0; j < refSlot[i].length; j++) {
                    refSlot[i][j] = slots.computeIfAbsent(r.get(j), t -> add(distinct, t));
                }
            }
            String[][] words = new String[distinct.size()][];
            IntStream.range(0, words.length).parallel()
                    .forEach(d -> words[d] = PyStrings.splitWhitespace(distinct.get(d)));
            // ids in first-seen order, in one thread: the ids order CIDEr-D's sums, so ids handed out by racing
            // threads made the last digits differ from run to run
            int[][] tokens = new int[words.length][];
            for (int d = 0; d < words.length; d++) {
                tokens[d] = index.tokenIds(words[d]);
            }
            Counts[] counts = new Counts[tokens.length];
            for (int d = 0; ngrams && d < tokens.length; d++) {
                counts[d] = index.counts(tokens[d]);
            }
            hypTokens = new int[n][];
            refTokens = new int[n][][];
            for (int i = 0; i < n; i++) {
                if (withHyps) {
                    hyp[i] = counts[hypSlot[i]];
                    hypTokens[i] = tokens[hypSlot[i]];
                }
                refs[i] = new Counts[refSlot[i].length];
                refTokens[i] = new int[refSlot[i].length][];
                for (int j = 0; j < refs[i].length; j++) {
                    refs[i][j] = counts[refSlot[i][j]];
                    refTokens[i][j] = tokens[refSlot[i][j]];
                }
                if (addDocuments) {
                    index.addDocument(CaptionEvaluator.distinct(refs[i]));
                }
            }
        }

        private static int add(List<String> distinct, String text) {
            distinct.add(text);
            return distinct.size() - 1;
        }
    }

    private void score(Plan plan, Prepared p, Chunk chunk, CiderD cider, Totals totals) {
        int n = p.hypTexts.size();
        Bleu.Stats[] stats = new Bleu.Stats[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] row = chunk.item[i];
            if (plan.bleu) {
                stats[i] = Bleu.stats(chunk.hyp[i], chunk.refs[i]);
                System.arraycopy(stats[i].scores(), 0, row, BLEU_COLUMN, NgramIndex.MAX_N);
            }
            if (plan.cider) {
                row[CIDER_COLUMN] = cider.score(chunk.hyp[i], chunk.refs[i]);
            }
            if (plan.rouge) {
                row[ROUGE_COLUMN] = rouge(p, chunk, i);
            }
        });
        if (plan.meteor) {
            MeteorStats[] best = meteor.bestStats(p.refTexts, p.hypTexts);
            for (int i = 0; i < n; i++) {
                chunk.item[i][METEOR_COLUMN] = meteor.itemScore(best[i]);
                totals.meteor.add(best[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (plan.bleu) {
                totals.bleu.add(stats[i]);
            }
            totals.rougeSum += chunk.item[i][ROUGE_COLUMN];
            totals.ciderSum += chunk.item[i][CIDER_COLUMN];
        }
    }

    /**
     * ROUGE-L splits on single spaces; where every text of the item is single-spaced words, that equals the
     * whitespace split the n-gram scorers already numbered, so those ids are reused.
     */
    private static double rouge(Prepared p, Chunk chunk, int i) {
        List<String> refs = p.refTexts.get(i);
        boolean reuse = chunk.hypTokens != null && SpaceTokens.singleSpaced(p.hypTexts.get(i));
        for (int j = 0; reuse && j < refs.size(); j++) {
            reuse = SpaceTokens.singleSpaced(refs.get(j));
        }
        if (reuse) {
            return RougeL.score(chunk.hypTokens[i], chunk.refTokens[i]);
        }
        int[][] t = SpaceTokens.of(p.hypTexts.get(i), refs);
        return RougeL.score(t[0], Arrays.copyOfRange(t, 1, t.length));
    }

    /** The distinct n-gram ids of an item's references (one document for CIDEr-D's df). */
    private static int[] distinct(Counts[] refs) {
        if (refs.length == 1) {
            return refs[0].ids();
        }
        int total = 0;
        for (Counts r : refs) {
            total += r.ids().length;
        }
        int[] all = new int[total];
        int at = 0;
        for (Counts r : refs) {
            System.arraycopy(r.ids(), 0, all, at, r.ids().length);
            at += r.ids().length;
        }
        return Counts.of(all, 0).ids();
    }

    private Prepared prepare(List<List<String>> references, List<String> hypotheses, Profile profile,
            CaptionPair following) {
        return prepare(references, hypotheses, profile, following, false);
    }

    /** The texts as the scorers see them; {@code following} is the next item of a stream (PTB looks ahead). */
    private Prepared prepare(List<List<String>> references, List<String> hypotheses, Profile profile,
            CaptionPair following, boolean refsOnly) {
        return switch (profile) {
            case PLAIN -> new Prepared(references, hypotheses);
            case COCO -> {
                List<String> flat = new ArrayList<>();
                references.forEach(flat::addAll);
                List<String> tokenized = PtbTokenizer.tokenizeAll(flat, following == null ? null
                        : following.refs().get(0));
                List<List<String>> refs = new ArrayList<>(references.size());
                int at = 0;
                for (List<String> r : references) {
                    refs.add(tokenized.subList(at, at + r.size()));
                    at += r.size();
                }
                yield new Prepared(refs, refsOnly ? hypotheses
                        : PtbTokenizer.tokenizeAll(hypotheses, following == null ? null : following.hyp()));
            }
            case R2GEN -> new Prepared(r2gen.references(references), refsOnly ? hypotheses
                    : r2gen.hypotheses(hypotheses));
        };
    }

    private static List<List<String>> refsOf(List<CaptionPair> items) {
        List<List<String>> out = new ArrayList<>(items.size());
        items.forEach(it -> out.add(it.refs()));
        return out;
    }

    private static List<String> hypsOf(List<CaptionPair> items) {
        List<String> out = new ArrayList<>(items.size());
        items.forEach(it -> out.add(it.hyp()));
        return out;
    }

    /** Chunks of a stream, with a look at the first item of the next chunk. */
    private static final class Chunks implements Iterator<List<CaptionPair>> {
        private final Iterator<CaptionPair> source;
        private final int size;
        private CaptionPair peeked;

        Chunks(Iterator<CaptionPair> source, int size) {
            this.source = source;
            this.size = size;
            this.peeked = source.hasNext() ? source.next() : null;
        }

        @Override
        public boolean hasNext() {
            return peeked != null;
        }

        @Override
        public List<CaptionPair> next() {
            List<CaptionPair> chunk = new ArrayList<>(size);
            chunk.add(peeked);
            while (chunk.size() < size && source.hasNext()) {
                chunk.add(source.next());
            }
            peeked = source.hasNext() ? source.next() : null;
            return chunk;
        }

        CaptionPair peek() {
            return peeked;
        }
    }

    /** The texts as the scorers see them. */
    private record Prepared(List<List<String>> refTexts, List<String> hypTexts) {
    }
}
