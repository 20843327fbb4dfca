package org.medvl.metrics.caption;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.medvl.metrics.caption.NgramIndex.Counts;

/**
 * The corpus caption metrics split into per-item parts that add up, for engines that score one corpus on many
 * machines (medvl-spark). Summed, the parts give what {@link CaptionEvaluator} computes in one process: BLEU from
 * summed clipped counts, ROUGE-L and CIDEr-D as means of item scores, CIDEr-D's document frequencies from a first
 * pass over every item's reference n-grams ({@link #referenceNgrams}). Sums of integers are exact; sums of item
 * scores differ from the one-process sum only by floating-point addition order.
 *
 * <p>An instance keeps its own n-gram numbering, so it is meant for one task (one partition): not thread-safe.
 */
public final class CaptionStatistics {
    /** Length of an item's BLEU statistics: test length, closest reference length, guesses 1..4, correct 1..4. */
    public static final int BLEU_FIELDS = 2 + 2 * NgramIndex.MAX_N;

    /** One item's texts as the scorers see them (after the profile's preparation). */
    public record PreparedItem(List<String> refs, String hyp) implements Serializable {
        public PreparedItem {
            refs = List.copyOf(refs);
        }
    }

    /** What one item adds to the corpus: BLEU statistics, its ROUGE-L and CIDEr-D (NaN when not asked for). */
    public record ItemStatistics(long[] bleu, double rougeL, double ciderD) implements Serializable {
    }

    private final NgramIndex index = new NgramIndex();
    private final BitSet named = new BitSet();
    private final ToIntFunction<String> documentFrequency;
    private final CiderD cider;

    /** BLEU and ROUGE-L only. */
    public CaptionStatistics() {
        this.documentFrequency = null;
        this.cider = null;
    }

    /**
     * BLEU, ROUGE-L and CIDEr-D.
     *
     * @param documentFrequency for an n-gram (its words joined by single spaces), the number of items whose
     *                          references hold it; 0 when none
     * @param items             the number of items in the corpus
     */
    public CaptionStatistics(ToIntFunction<String> documentFrequency, long items) {
        if (items < 1 || items > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("corpus size must be 1.." + Integer.MAX_VALUE + ", got " + items);
        }
        this.documentFrequency = documentFrequency;
        this.cider = new CiderD(index, (int) items);
    }

    /**
     * Prepares one item as {@link CaptionEvaluator} prepares it inside a corpus. The COCO tokenizer reads a side as
     * one stream in which a caption's last token may look at the next line, so {@code next} is the item that follows
     * in corpus order (null for the last).
     */
    public static PreparedItem prepare(Profile profile, R2GenPreparation r2gen, CaptionPair item, CaptionPair next) {
        return switch (profile) {
            case PLAIN -> new PreparedItem(item.refs(), item.hyp());
            case COCO -> new PreparedItem(
                    PtbTokenizer.tokenizeAll(item.refs(), next == null ? null : next.refs().get(0)),
                    PtbTokenizer.tokenizeAll(List.of(item.hyp()), next == null ? null : next.hyp()).get(0));
            case R2GEN -> new PreparedItem(r2gen.references(List.of(item.refs())).get(0),
                    r2gen.hypotheses(List.of(item.hyp())).get(0));
        };
    }

    /** The distinct n-grams (n = 1..4, words joined by single spaces) of an item's references: one CIDEr-D document. */
    public static Set<String> referenceNgrams(PreparedItem item) {
        Set<String> out = new HashSet<>();
        for (String ref : item.refs()) {
            String[] w = PyStrings.splitWhitespace(ref);
            for (int n = 1; n <= NgramIndex.MAX_N; n++) {
                for (int i = 0; i + n <= w.length; i++) {
                    out.add(join(w, i, n));
                }
            }
        }
        return out;
    }

    /** Scores one item. */
    public ItemStatistics score(PreparedItem item) {
        List<String> refs = item.refs();
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("an item needs at least one reference");
        }
        String[] hypWords = PyStrings.splitWhitespace(item.hyp());
        int[] hypTokens = index.tokenIds(hypWords);
        Counts hyp = counts(hypWords, hypTokens);
        Counts[] refCounts = new Counts[refs.size()];
        int[][] refTokens = new int[refs.size()][];
        for (int j = 0; j < refCounts.length; j++) {
            String[] words = PyStrings.splitWhitespace(refs.get(j));
            refTokens[j] = index.tokenIds(words);
            refCounts[j] = counts(words, refTokens[j]);
        }
        Bleu.Stats s = Bleu.stats(hyp, refCounts);
        long[] bleu = new long[BLEU_FIELDS];
        bleu[0] = s.testLength;
        bleu[1] = s.refLength;
        System.arraycopy(s.guess, 0, bleu, 2, NgramIndex.MAX_N);
        System.arraycopy(s.correct, 0, bleu, 2 + NgramIndex.MAX_N, NgramIndex.MAX_N);
        double ciderD = cider == null ? Double.NaN : cider.score(hyp, refCounts);
        return new ItemStatistics(bleu, rouge(item, hypTokens, refTokens), ciderD);
    }

    /** Adds BLEU statistics ({@code into} += {@code more}); returns {@code into}. */
    public static long[] addBleu(long[] into, long[] more) {
        for (int k = 0; k < BLEU_FIELDS; k++) {
            into[k] += more[k];
        }
        return into;
    }

    /** BLEU-1..4 from (summed) statistics: an item's scores from its own, the corpus scores from the sum. */
    public static double[] bleuScores(long[] stats) {
        Bleu.Stats s = new Bleu.Stats();
        s.testLength = stats[0];
        s.refLength = stats[1];
        System.arraycopy(stats, 2, s.guess, 0, NgramIndex.MAX_N);
        System.arraycopy(stats, 2 + NgramIndex.MAX_N, s.correct, 0, NgramIndex.MAX_N);
        return s.scores();
    }

    /** N-gram counts; with CIDEr-D, each n-gram id seen for the first time gets its corpus df by name. */
    private Counts counts(String[] words, int[] tokens) {
        int[] ids = index.ngramIds(tokens);
        if (cider != null) {
            int at = 0;
            for (int n = 1; n <= NgramIndex.MAX_N; n++) {
                for (int i = 0; i + n <= words.length; i++) {
                    int id = ids[at++];
                    if (!named.get(id)) {
                        index.setDf(id, documentFrequency.applyAsInt(join(words, i, n)));
                        named.set(id);
                    }
                }
            }
        }
        return Counts.of(ids, tokens.length);
    }

    /** As {@link CaptionEvaluator}: the whitespace ids serve when every text is single-spaced, else split on ' '. */
    private static double rouge(PreparedItem item, int[] hypTokens, int[][] refTokens) {
        boolean reuse = SpaceTokens.singleSpaced(item.hyp());
        for (int j = 0; reuse && j < item.refs().size(); j++) {
            reuse = SpaceTokens.singleSpaced(item.refs().get(j));
        }
        if (reuse) {
            return RougeL.score(hypTokens, refTokens);
        }
        int[][] t = SpaceTokens.of(item.hyp(), item.refs());
        return RougeL.score(t[0], Arrays.copyOfRange(t, 1, t.length));
    }

    private static String join(String[] words, int from, int n) {
        if (n == 1) {
            return words[from];
        }
        List<String> part = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            part.add(words[from + k]);
        }
        return String.join(" ", part);
    }
}
