package org.medvl.metrics.caption;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives every token and every n-gram (n = 1..4) of an evaluation a small integer id, so the scorers compare ints.
 * An n-gram's id is {@code 4 * serial + (n - 1)}: the order is its low two bits. Memory grows with the number of
 * distinct n-grams, not with the number of items.
 */
final class NgramIndex {
    static final int MAX_N = 4;

    private final ConcurrentHashMap<String, Integer> tokens = new ConcurrentHashMap<>();
    private final AtomicInteger nextToken = new AtomicInteger();
    private final LongIntMap ngrams = new LongIntMap(1 << 16);
    private int nextNgram;
    private int[] df = new int[1 << 12];

    /** Token ids for some tokens; safe to call from several threads. */
    int[] tokenIds(String[] words) {
        int[] ids = new int[words.length];
        for (int i = 0; i < words.length; i++) {
            Integer id = tokens.get(words[i]);
            ids[i] = id != null ? id : tokens.computeIfAbsent(words[i], w -> nextToken.getAndIncrement());
        }
        return ids;
    }

    /**
     * The n-gram counts of a token sequence as sorted distinct ids with their counts (one thread at a time).
     * Unigram ids come from the token ids, longer ones from (prefix id, last token) pairs.
     */
    Counts counts(int[] toks) {
        return Counts.of(ngramIds(toks), toks.length);
    }

    /**
     * The n-gram ids of a token sequence in position order: the unigrams, then the bigrams from each start, and so on
     * (one thread at a time). {@link CaptionStatistics} walks the same order to name each id.
     */
    int[] ngramIds(int[] toks) {
        int len = toks.length;
        int total = 0;
        for (int n = 1; n <= MAX_N; n++) {
            total += Math.max(0, len - n + 1);
        }
        int[] all = new int[total];
        int[] prev = new int[len];
        int at = 0;
        for (int i = 0; i < len; i++) {
            prev[i] = toks[i] * MAX_N;
            all[at++] = prev[i];
        }
        for (int n = 2; n <= MAX_N; n++) {
            for (int i = 0; i + n <= len; i++) {
                long key = ((long) prev[i] << 32) | toks[i + n - 1];
                int id = ngrams.putIfAbsent(key, nextNgram * MAX_N + (n - 1));
                if (id == nextNgram * MAX_N + (n - 1)) {
                    nextNgram++;
                }
                prev[i] = id;
                all[at++] = id;
            }
        }
        return all;
    }

    /** Sets a document frequency counted elsewhere (a distributed first pass), for {@link CiderD}. */
    synchronized void setDf(int id, int count) {
        if (id >= df.length) {
            df = Arrays.copyOf(df, Math.max(df.length * 2, id + 1));
        }
        df[id] = count;
    }

    /** Adds one document (the distinct n-grams of one item's references) to the document frequencies. */
    synchronized void addDocument(int[] distinctIds) {
        for (int id : distinctIds) {
            if (id >= df.length) {
                df = Arrays.copyOf(df, Math.max(df.length * 2, id + 1));
            }
            df[id]++;
        }
    }

    int df(int id) {
        return id < df.length ? df[id] : 0;
    }

    /** Sorted distinct n-gram ids with counts, plus the token count of the text. */
    record Counts(int[] ids, int[] counts, int length) {
        static Counts of(int[] all, int length) {
            Arrays.sort(all);
            int distinct = 0;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    distinct++;
                }
            }
            int[] ids = new int[distinct];
            int[] counts = new int[distinct];
            int d = -1;
            for (int i = 0; i < all.length; i++) {
                if (i == 0 || all[i] != all[i - 1]) {
                    ids[++d] = all[i];
                }
                counts[d]++;
            }
            return new Counts(ids, counts, length);
        }

        /** The count of {@code id}, or 0 (binary search). */
        int count(int id) {
            int i = Arrays.binarySearch(ids, id);
            return i >= 0 ? counts[i] : 0;
        }
    }
}
