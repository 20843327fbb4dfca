package org.medvl.models.report.decode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Beam search with length penalty, minimum length and n-gram blocking. Per source it keeps {@code beamWidth} live
 * hypotheses; each step expands them by their 2*width best next tokens, moves hypotheses that end (among the width
 * best candidates) to the finished list, and stops a source once no live hypothesis can still beat the worst
 * finished one (the usual heuristic: the live score so far, normalised by the current length). At the length limit
 * the live hypotheses are finished as they stand.
 */
final class BeamSearch {
    private record Hyp(int[] tokens, double logProb) {
    }

    private record Scored(int[] tokens, double score) {
    }

    private BeamSearch() {
    }

    static List<int[]> run(NextTokenScorer scorer, int sources, DecodeOptions o) {
        int k = o.beamWidth();
        int eos = scorer.eos();
        List<List<Hyp>> live = new ArrayList<>();
        List<List<Scored>> finished = new ArrayList<>();
        boolean[] done = new boolean[sources];
        for (int s = 0; s < sources; s++) {
            live.add(List.of(new Hyp(new int[0], 0)));
            finished.add(new ArrayList<>());
        }
        for (int step = 0; step < o.maxLength(); step++) {
            List<Integer> rowSource = new ArrayList<>();
            List<int[]> prefixes = new ArrayList<>();
            for (int s = 0; s < sources; s++) {
                if (!done[s]) {
                    for (Hyp h : live.get(s)) {
                        rowSource.add(s);
                        prefixes.add(h.tokens());
                    }
                }
            }
            if (prefixes.isEmpty()) {
                break;
            }
            float[][] lp = scorer.logProbs(rowSource.stream().mapToInt(Integer::intValue).toArray(), prefixes);
            int row = 0;
            for (int s = 0; s < sources; s++) {
                if (done[s]) {
                    continue;
                }
                List<Hyp> beams = live.get(s);
                List<Hyp> candidates = new ArrayList<>();
                for (Hyp h : beams) {
                    float[] r = TokenRules.apply(lp[row++], h.tokens(), o, eos);
                    for (int t : topTokens(r, 2 * k)) {
                        if (r[t] != Float.NEGATIVE_INFINITY) {
                            candidates.add(new Hyp(TokenRules.append(h.tokens(), t), h.logProb() + r[t]));
                        }
                    }
                }
                candidates.sort(Comparator.comparingDouble((Hyp h) -> -h.logProb()));
                List<Hyp> next = new ArrayList<>();
                List<Scored> fin = finished.get(s);
                for (int rank = 0; rank < candidates.size() && next.size() < k; rank++) {
                    Hyp c = candidates.get(rank);
                    if (c.tokens()[c.tokens().length - 1] == eos) {
                        if (rank < k) {
                            int[] body = java.util.Arrays.copyOf(c.tokens(), c.tokens().length - 1);
                            addFinished(fin, new Scored(body, normalise(c.logProb(), c.tokens().length, o)), k);
                        }
                    } else {
                        next.add(c);
                    }
                }
                live.set(s, next);
                if (next.isEmpty()) {
                    done[s] = true;
                } else if (fin.size() >= k) {
                    double bestLive = normalise(next.get(0).logProb(), step + 1, o);
                    done[s] = fin.get(fin.size() - 1).score() >= bestLive;
                }
            }
        }
        List<int[]> out = new ArrayList<>(sources);
        for (int s = 0; s < sources; s++) {
            List<Scored> fin = finished.get(s);
            if (!done[s]) {
                for (Hyp h : live.get(s)) {
                    addFinished(fin, new Scored(h.tokens(), normalise(h.logProb(), h.tokens().length, o)), k);
                }
            }
            out.add(fin.isEmpty() ? new int[0] : fin.get(0).tokens());
        }
        return out;
    }

    private static double normalise(double logProb, int length, DecodeOptions o) {
        return o.lengthPenalty() == 0 ? logProb : logProb / Math.pow(Math.max(1, length), o.lengthPenalty());
    }

    /** Keeps the k best finished hypotheses, best first; earlier ones win ties. */
    private static void addFinished(List<Scored> fin, Scored s, int k) {
        int at = 0;
        while (at < fin.size() && fin.get(at).score() >= s.score()) {
            at++;
        }
        if (at < k) {
            fin.add(at, s);
            if (fin.size() > k) {
                fin.remove(fin.size() - 1);
            }
        }
    }

    /** The ids of the n largest entries, largest first, lower id first among equals. */
    private static int[] topTokens(float[] row, int n) {
        n = Math.min(n, row.length);
        int[] best = new int[n];
        int size = 0;
        for (int t = 0; t < row.length; t++) {
            int pos;
            if (size < n) {
                best[size] = t;
                pos = size++;
            } else if (row[t] > row[best[n - 1]]) {
                best[n - 1] = t;
                pos = n - 1;
            } else {
                continue;
            }
            while (pos > 0 && row[best[pos]] > row[best[pos - 1]]) {
                int tmp = best[pos];
                best[pos] = best[pos - 1];
                best[pos - 1] = tmp;
                pos--;
            }
        }
        return java.util.Arrays.copyOf(best, size);
    }
}
