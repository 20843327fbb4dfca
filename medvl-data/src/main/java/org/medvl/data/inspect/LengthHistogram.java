package org.medvl.data.inspect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Exact percentiles of text lengths (in whitespace tokens) in constant memory: one counter per length up to
 * {@link #CAP}; longer texts share the last bucket and only their maximum is kept exactly.
 */
public final class LengthHistogram {
    static final int CAP = 4096;
    private final long[] counts = new long[CAP + 1];
    private long n;
    private long sum;
    private int max;

    public void add(int length) {
        counts[Math.min(length, CAP)]++;
        n++;
        sum += length;
        max = Math.max(max, length);
    }

    /** Whitespace token count, without allocating. */
    public static int tokens(String s) {
        int count = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean ws = Character.isWhitespace(s.charAt(i));
            if (!ws && !in) {
                count++;
            }
            in = !ws;
        }
        return count;
    }

    public long count() {
        return n;
    }

    /** Nearest-rank percentile (p in 0..100); 0 when empty. */
    public int percentile(double p) {
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int len = 0; len <= CAP; len++) {
            seen += counts[len];
            if (seen >= rank) {
                return len == CAP ? max : len;
            }
        }
        return max;
    }

    /** min, p5, p25, p50, p75, p95, max and mean. */
    public Map<String, Number> summary() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("count", n);
        if (n == 0) {
            return m;
        }
        m.put("min", percentile(0));
        for (int p : new int[] {5, 25, 50, 75, 95}) {
            m.put("p" + p, percentile(p));
        }
        m.put("max", max);
        m.put("mean", Math.round(sum * 10.0 / n) / 10.0);
        return m;
    }
}
