package org.medvl.models.tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Learns a WordPiece vocabulary from training texts the way HuggingFace's WordPieceTrainer does: words split into
 * characters (continuations prefixed "##"), then the most frequent adjacent pair merged repeatedly until the
 * vocabulary is full. Written by hand because the HuggingFace Java binding cannot train; ties break on the pair's
 * text so the same corpus always gives the same vocabulary.
 */
public final class WordPieceTrainer {
    private final int vocabSize;
    private final int minFrequency;

    /**
     * @param vocabSize    the vocabulary size to reach (special tokens and the alphabet included)
     * @param minFrequency merges of pairs seen fewer times than this are not learned
     */
    public WordPieceTrainer(int vocabSize, int minFrequency) {
        if (vocabSize < WordPieceTokenizer.SPECIALS.size() + 1) {
            throw new IllegalArgumentException("vocabulary size " + vocabSize + " is too small");
        }
        this.vocabSize = vocabSize;
        this.minFrequency = Math.max(1, minFrequency);
    }

    public WordPieceTokenizer train(Iterable<String> texts) {
        Map<String, Integer> wordCounts = new TreeMap<>();
        for (String text : texts) {
            for (String w : BertPreTokenizer.split(BertPreTokenizer.normalize(text))) {
                if (w.codePointCount(0, w.length()) <= WordPieceTokenizer.MAX_WORD_CHARS) {
                    wordCounts.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> symbols = new ArrayList<>();
        Map<String, Integer> symbolIds = new HashMap<>();
        LinkedHashSet<String> vocab = new LinkedHashSet<>(WordPieceTokenizer.SPECIALS);
        // The alphabet: every initial and continuation character seen, in sorted order.
        TreeMap<String, Boolean> alphabet = new TreeMap<>();
        List<int[]> words = new ArrayList<>();
        int[] freq = new int[wordCounts.size()];
        int wi = 0;
        for (Map.Entry<String, Integer> e : wordCounts.entrySet()) {
            int[] cps = e.getKey().codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                alphabet.put(piece(cps[i], i > 0), true);
            }
            freq[wi++] = e.getValue();
        }
        for (String a : alphabet.keySet()) {
            symbolIds.put(a, symbols.size());
            symbols.add(a);
            vocab.add(a);
        }
        for (String w : wordCounts.keySet()) {
            int[] cps = w.codePoints().toArray();
            int[] s = new int[cps.length];
            for (int i = 0; i < cps.length; i++) {
                s[i] = symbolIds.get(piece(cps[i], i > 0));
            }
            words.add(s);
        }
        Map<Long, Long> pairCounts = new HashMap<>();
        Map<Long, Set<Integer>> pairWords = new HashMap<>();
        for (int w = 0; w < words.size(); w++) {
            addPairs(words.get(w), w, freq[w], pairCounts, pairWords, +1);
        }
        while (vocab.size() < vocabSize && !pairCounts.isEmpty()) {
            long best = -1;
            long bestCount = 0;
            String bestText = null;
            for (Map.Entry<Long, Long> e : pairCounts.entrySet()) {
                long c = e.getValue();
                if (c < bestCount || c <= 0) {
                    continue;
                }
                String text = merged(symbols, e.getKey());
                if (c > bestCount || text.compareTo(bestText) < 0) {
                    best = e.getKey();
                    bestCount = c;
                    bestText = text;
                }
            }
            if (best < 0 || bestCount < minFrequency) {
                break;
            }
            int newId = symbolIds.computeIfAbsent(bestText, k -> {
                symbols.add(k);
                return symbols.size() - 1;
            });
            vocab.add(bestText);
            int a = (int) (best >>> 32);
            int b = (int) best;
            for (int w : new ArrayList<>(pairWords.getOrDefault(best, Set.of()))) {
                int[] old = words.get(w);
                addPairs(old, w, freq[w], pairCounts, pairWords, -1);
                int[] next = mergeIn(old, a, b, newId);
                words.set(w, next);
                addPairs(next, w, freq[w], pairCounts, pairWords, +1);
            }
            pairCounts.remove(best);
            pairWords.remove(best);
        }
        return new WordPieceTokenizer(new ArrayList<>(vocab));
    }

    private static String piece(int codePoint, boolean continuation) {
        String c = new String(Character.toChars(codePoint));
        return continuation ? WordPieceTokenizer.PREFIX + c : c;
    }

    private static String merged(List<String> symbols, long pair) {
        String right = symbols.get((int) pair);
        return symbols.get((int) (pair >>> 32)) + right.substring(WordPieceTokenizer.PREFIX.length());
    }

    private static int[] mergeIn(int[] s, int a, int b, int merged) {
        int[] out = new int[s.length];
        int n = 0;
        for (int i = 0; i < s.length; i++) {
            if (i + 1 < s.length && s[i] == a && s[i + 1] == b) {
                out[n++] = merged;
                i++;
            } else {
                out[n++] = s[i];
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static void addPairs(int[] s, int word, int freq, Map<Long, Long> counts, Map<Long, Set<Integer>> where,
                                 int sign) {
        for (int i = 0; i + 1 < s.length; i++) {
            long key = ((long) s[i] << 32) | (s[i + 1] & 0xffffffffL);
            long c = counts.merge(key, (long) sign * freq, Long::sum);
            if (sign > 0) {
                where.computeIfAbsent(key, k -> new HashSet<>()).add(word);
            } else if (c <= 0) {
                counts.remove(key);
                where.remove(key);
            }
        }
    }
}
