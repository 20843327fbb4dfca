package org.medvl.metrics.vqa;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python difflib.SequenceMatcher(None, a, b).ratio() on strings, reproduced exactly (OmniMedVQA maps free-text answers
 * to options with it): same longest-match search (earliest in a, then in b), same "autojunk" heuristic (when b has
 * 200 or more characters, characters occurring more than len(b)/100 + 1 times are not used to seed matches, but
 * matches may still extend over them), same recursive block decomposition. Characters are Unicode code points, as in
 * Python 3 strings. Written by hand because no Java library reproduces difflib's heuristics (java-diff-utils uses
 * Myers' algorithm, which finds different blocks and so different ratios).
 */
public final class SequenceMatcher {
    private SequenceMatcher() {
    }

    /** 2 * matches / (len(a) + len(b)); 1.0 when both are empty. */
    public static double ratio(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int total = x.length + y.length;
        return total == 0 ? 1.0 : 2.0 * matches(x, y) / total;
    }

    static int matches(int[] a, int[] b) {
        Map<Integer, int[]> b2j = index(b);
        int sum = 0;
        Deque<int[]> queue = new ArrayDeque<>();
        queue.push(new int[] {0, a.length, 0, b.length});
        while (!queue.isEmpty()) {
            int[] q = queue.pop();
            int[] m = longestMatch(a, b, b2j, q[0], q[1], q[2], q[3]);
            int i = m[0];
            int j = m[1];
            int k = m[2];
            if (k > 0) {
                sum += k;
                if (q[0] < i && q[2] < j) {
                    queue.push(new int[] {q[0], i, q[2], j});
                }
                if (i + k < q[1] && j + k < q[3]) {
                    queue.push(new int[] {i + k, q[1], j + k, q[3]});
                }
            }
        }
        return sum;
    }

    /** Positions of each character in b, ascending, without the "popular" characters when autojunk applies. */
    private static Map<Integer, int[]> index(int[] b) {
        Map<Integer, List<Integer>> lists = new HashMap<>();
        for (int j = 0; j < b.length; j++) {
            lists.computeIfAbsent(b[j], c -> new ArrayList<>()).add(j);
        }
        int n = b.length;
        if (n >= 200) {
            int ntest = n / 100 + 1;
            lists.values().removeIf(l -> l.size() > ntest);
        }
        Map<Integer, int[]> out = new HashMap<>();
        lists.forEach((c, l) -> out.put(c, l.stream().mapToInt(Integer::intValue).toArray()));
        return out;
    }

    private static int[] longestMatch(int[] a, int[] b, Map<Integer, int[]> b2j, int alo, int ahi, int blo, int bhi) {
        int besti = alo;
        int bestj = blo;
        int bestsize = 0;
        Map<Integer, Integer> j2len = new HashMap<>();
        for (int i = alo; i < ahi; i++) {
            Map<Integer, Integer> next = new HashMap<>();
            int[] js = b2j.get(a[i]);
            if (js != null) {
                for (int j : js) {
                    if (j < blo) {
                        continue;
                    }
                    if (j >= bhi) {
                        break;
                    }
                    int k = j2len.getOrDefault(j - 1, 0) + 1;
                    next.put(j, k);
                    if (k > bestsize) {
                        besti = i - k + 1;
                        bestj = j - k + 1;
                        bestsize = k;
                    }
                }
            }
            j2len = next;
        }
        // Extend over equal characters that were not indexed (the popular ones); there is no junk function.
        while (besti > alo && bestj > blo && a[besti - 1] == b[bestj - 1]) {
            besti--;
            bestj--;
            bestsize++;
        }
        while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] == b[bestj + bestsize]) {
            bestsize++;
        }
        return new int[] {besti, bestj, bestsize};
    }
}
