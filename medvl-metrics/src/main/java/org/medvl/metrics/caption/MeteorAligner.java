package org.medvl.metrics.caption;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * METEOR 1.5's aligner (Denkowski and Lavie 2014): every matcher stage adds candidate matches between hypothesis
 * (line 1) and reference (line 2) words; one-to-one matches that nothing else covers are fixed; a left-to-right beam
 * search over reference positions (beam 40) then picks the alignment with the most matched words, then the fewest
 * chunks, then the smallest summed position distance. Search scores use the reference's search weights (exact 1,
 * others 0.5) accumulated into integers, as the reference does; the distance bookkeeping keeps the reference's
 * behaviour of charging a new branch's distance to the branch that skips the word.
 */
final class MeteorAligner {
    static final int BEAM = 40;
    private static final double[] SEARCH_WEIGHTS = {1.0, 0.5, 0.5, 0.5};

    /** A candidate match: reference span [start, start+length), hypothesis span [hypStart, hypStart+hypLength). */
    record Match(int stage, int start, int length, int hypStart, int hypLength) {
    }

    /** The candidates of one pair, indexed by reference start position, with how often each word is covered. */
    static final class Candidates {
        final List<List<Match>> byStart = new ArrayList<>();
        final int[] hypCoverage;
        final int[] refCoverage;

        Candidates(int hypLength, int refLength) {
            hypCoverage = new int[hypLength];
            refCoverage = new int[refLength];
            for (int j = 0; j < refLength; j++) {
                byStart.add(new ArrayList<>());
            }
        }

        void add(Match m) {
            byStart.get(m.start).add(m);
            for (int k = 0; k < m.hypLength; k++) {
                hypCoverage[m.hypStart + k]++;
            }
            for (int k = 0; k < m.length; k++) {
                refCoverage[m.start + k]++;
            }
        }
    }

    private static final class Path {
        final Match[] matches;
        final boolean[] hypUsed;
        final boolean[] refUsed;
        int idx;
        int matches1;
        int matches2;
        int chunks;
        int lastMatchEnd = -1;
        int distance;

        Path(int hypLength, int refLength) {
            matches = new Match[refLength];
            hypUsed = new boolean[hypLength];
            refUsed = new boolean[refLength];
        }

        Path(Path p) {
            matches = p.matches.clone();
            hypUsed = p.hypUsed.clone();
            refUsed = p.refUsed.clone();
            idx = p.idx;
            matches1 = p.matches1;
            matches2 = p.matches2;
            chunks = p.chunks;
            lastMatchEnd = p.lastMatchEnd;
            distance = p.distance;
        }

        boolean uses(Match m) {
            for (int k = 0; k < m.hypLength; k++) {
                if (hypUsed[m.hypStart + k]) {
                    return true;
                }
            }
            for (int k = 0; k < m.length; k++) {
                if (refUsed[m.start + k]) {
                    return true;
                }
            }
            return false;
        }

        void use(Match m) {
            for (int k = 0; k < m.hypLength; k++) {
                hypUsed[m.hypStart + k] = true;
            }
            for (int k = 0; k < m.length; k++) {
                refUsed[m.start + k] = true;
            }
        }

        /** Takes match m: the reference adds weighted lengths to int totals (truncating). */
        void take(Match m) {
            matches1 = (int) (matches1 + m.hypLength * SEARCH_WEIGHTS[m.stage]);
            matches2 = (int) (matches2 + m.length * SEARCH_WEIGHTS[m.stage]);
            if (lastMatchEnd != -1 && m.hypStart != lastMatchEnd) {
                chunks++;
            }
            idx = m.start + m.length;
            lastMatchEnd = m.hypStart + m.hypLength;
        }
    }

    private static final Comparator<Path> ORDER = (x, y) -> {
        int matchDiff = (y.matches1 + y.matches2) - (x.matches1 + x.matches2);
        if (matchDiff != 0) {
            return matchDiff > 0 ? 1 : -1;
        }
        if (x.chunks != y.chunks) {
            return x.chunks - y.chunks;
        }
        return x.distance - y.distance;
    };

    private MeteorAligner() {
    }

    /** The chosen match per reference start position (null where none starts). */
    static Match[] align(Candidates c, int hypLength, int refLength) {
        Path start = new Path(hypLength, refLength);
        for (int j = 0; j < refLength; j++) {
            List<Match> at = c.byStart.get(j);
            if (at.size() != 1) {
                continue;
            }
            Match m = at.get(0);
            boolean overlap = false;
            for (int k = 0; k < m.length; k++) {
                overlap |= c.refCoverage[j + k] != 1;
            }
            for (int k = 0; k < m.hypLength; k++) {
                overlap |= c.hypCoverage[m.hypStart + k] != 1;
            }
            if (!overlap) {
                start.matches[j] = m;
                start.use(m);
            }
        }
        return resolve(c, start, refLength).matches;
    }

    private static Path resolve(Candidates c, Path start, int refLength) {
        List<Path> next = new ArrayList<>();
        next.add(start);
        for (int current = 0; current <= refLength; current++) {
            List<Path> paths = next;
            next = new ArrayList<>();
            paths.sort(ORDER);
            for (int rank = 0; rank < BEAM && rank < paths.size(); rank++) {
                Path path = paths.get(rank);
                if (current == refLength) {
                    if (path.lastMatchEnd != -1) {
                        path.chunks++;
                    }
                    next.add(path);
                    continue;
                }
                if (path.refUsed[current]) {
                    if (current < path.idx) {
                        next.add(path);
                    } else if (path.matches[path.idx] != null) {
                        Match m = path.matches[path.idx];
                        path.take(m);
                        path.distance += Math.abs(m.start - m.hypStart);
                        next.add(path);
                    }
                    continue;
                }
                for (Match m : c.byStart.get(current)) {
                    if (path.uses(m)) {
                        continue;
                    }
                    Path branch = new Path(path);
                    branch.use(m);
                    branch.matches[current] = m;
                    branch.take(m);
                    path.distance += Math.abs(m.start - m.hypStart); // sic: the reference charges the skipping path
                    next.add(branch);
                }
                if (path.lastMatchEnd != -1) {
                    path.chunks++;
                    path.lastMatchEnd = -1;
                }
                path.idx++;
                next.add(path);
            }
            if (next.isEmpty()) {
                next.add(paths.get(0));
            }
        }
        next.sort(ORDER);
        return next.get(0);
    }

    /** Chunks of a final alignment, counted as the reference does after the search. */
    static int chunks(Match[] matches) {
        int chunks = 0;
        int idx = 0;
        int lastMatchEnd = -1;
        while (idx < matches.length) {
            Match m = matches[idx];
            if (m == null) {
                if (lastMatchEnd != -1) {
                    chunks++;
                    lastMatchEnd = -1;
                }
                idx++;
            } else {
                if (lastMatchEnd != -1 && m.hypStart != lastMatchEnd) {
                    chunks++;
                }
                idx = m.start + m.length;
                lastMatchEnd = m.hypStart + m.hypLength;
            }
        }
        return lastMatchEnd != -1 ? chunks + 1 : chunks;
    }

    static boolean same(String[] a, String[] b) {
        return Arrays.equals(a, b);
    }
}
