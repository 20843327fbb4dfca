package org.medvl.data.inspect;

/**
 * A set of 64-bit keys (hashes of image paths, answers) with open addressing. Written by hand because counting distinct
 * values over millions of records must fit -Xmx512m: 1.6M keys take 32 MB here against ~100 MB as a
 * {@code HashSet<Long>}, and a primitive-collections library would add a large dependency for this one use.
 */
final class LongHashSet {
    private static final long EMPTY = 0L;
    private long[] slots = new long[1 << 10];
    private int size;
    private boolean hasZero;

    /** Adds a key; true when it was not yet present. */
    boolean add(long key) {
        if (key == EMPTY) {
            boolean added = !hasZero;
            hasZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if ((size + 1) * 2L > slots.length) {
            grow();
        }
        if (insert(slots, key)) {
            size++;
            return true;
        }
        return false;
    }

    int size() {
        return size;
    }

    private static boolean insert(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) mix(key) & mask;
        while (table[i] != EMPTY) {
            if (table[i] == key) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = key;
        return true;
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long k : slots) {
            if (k != EMPTY) {
                insert(bigger, k);
            }
        }
        slots = bigger;
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** A 64-bit FNV-1a hash of a string's chars: collisions among 10^7 distinct strings are ~3e-6 likely. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
